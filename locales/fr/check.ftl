## Why an answer is not accepted. Said next to the field, after its label.

check-required = Répondez à cette question.
check-too-long = C'est trop long. Raccourcissez.
check-id-card-length = Un numéro d'identité du citoyen (公民身份号码) compte 18 caractères.
check-id-card-characters = Un numéro d'identité du citoyen (公民身份号码) est composé de 17 chiffres suivis d'un chiffre ou d'un X.
check-id-card-region = Les deux premiers chiffres ne sont pas un code de région. Vérifiez le numéro sur votre carte d'identité de résident (居民身份证).
check-id-card-birth-date = Les chiffres 7 à 14 doivent être votre date de naissance. Vérifiez le numéro sur votre carte d'identité de résident (居民身份证).
check-id-card-checksum = Ce numéro n'est pas cohérent : un chiffre est sans doute mal saisi. Comparez-le avec votre carte d'identité de résident (居民身份证).
check-passport-format = Un numéro de passeport chinois est un E suivi de 8 chiffres (E12345678), ou un E, une lettre et 7 chiffres (EA1234567).
check-hk-macao-permit-format = Un numéro de laissez-passer pour Hong Kong et Macao (往来港澳通行证) est un C suivi de 8 caractères, par exemple C12345678.
check-taiwan-permit-format = Un numéro de laissez-passer pour Taïwan (往来台湾通行证) est un L suivi de 8 chiffres, par exemple L12345678.
check-phone-format = Saisissez un numéro de téléphone avec l'indicatif du pays, par exemple +39 333 123 4567.
check-phone-needs-country-code = Ajoutez l'indicatif du pays, par exemple +39 pour l'Italie ou +86 pour la Chine.
check-phone-unknown-prefix = Nous ne connaissons pas le préfixe de ce numéro. S'il est correct, vous pouvez continuer.
check-email-format = Saisissez une adresse e-mail, par exemple nom@example.com.
check-date-format = Saisissez une date réelle sous la forme année-mois-jour, par exemple 1985-06-15.
check-date-in-future = Cette date ne peut pas être dans le futur.
check-date-in-past = Cette date ne peut pas être dans le passé.
check-document-expired = Ce document a expiré. Faites-le d'abord renouveler, ou utilisez un document valide.
check-name-characters = Utilisez seulement des caractères chinois ou des lettres, avec des espaces, des · ou des traits d'union.
check-invisible-characters = Ce texte contient des caractères invisibles (comme des marques de direction ou des espaces de largeur nulle) qui pourraient le faire lire autrement qu'il n'est écrit. Saisissez-le de nouveau, sans copier-coller.
check-pinyin-characters = Écrivez le nom en lettres pinyin, comme sur votre passeport.
check-choice-unknown = Choisissez l'une des options.
check-material-missing = Joignez ce document.
