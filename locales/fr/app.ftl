## The app's interface.

app-name = Homeward
nav-home = Retour à l'accueil
nav-back = Retour
language-switch-label = Langue
loading = Chargement…

## The connection to the city's server

status-offline = Hors ligne : les guides enregistrés sur cet appareil sont utilisés. Ce que vous saisissez est enregistré ici.
status-online = Connecté
status-update-refused = Connecté. Les derniers guides de la ville n'ont pas pu être vérifiés : les guides vérifiés de cet appareil restent en usage.
status-checking = Vérification de la connexion…
status-retry = Réessayer

## When the app cannot start

fatal-title = Homeward ne peut pas ouvrir vos données
fatal-hint = Rien n'a été perdu. Redémarrez l'application ; si le problème se répète, contactez le point de liaison le plus proche.
fatal-start-again = Recommencer (les anciennes données sont gardées de côté)

## Errors, by code

error-invalid-input = Une information saisie n'est pas au format attendu. Vérifiez-la et réessayez.
error-not-found = Cet élément est introuvable. Il a peut-être été supprimé.
error-storage = Homeward ne peut pas lire ou écrire ses données sur cet appareil. Vérifiez qu'il reste de l'espace libre, puis réessayez.
error-keyring = Homeward n'arrive pas à accéder au trousseau de clés du système ; vos données restent chiffrées. Déverrouillez le trousseau, puis redémarrez l'application.
error-keys-missing = Les clés qui verrouillent vos données Homeward ne sont plus dans le trousseau de cet appareil : vos brouillons et vos demandes ne peuvent pas être lus. Si vous avez une sauvegarde du trousseau, restaurez-la et redémarrez l'application. Sinon, recommencez : vos anciennes données sont gardées de côté, verrouillées, au cas où les clés seraient retrouvées.
error-no-key-store = Cet appareil n'a aucun endroit sûr pour les clés de Homeward : l'application ne peut pas protéger vos données et ne démarre donc pas. Utilisez Homeward sur un téléphone ou un ordinateur doté d'un trousseau de clés système.
error-no-home-city = Choisissez d'abord votre ville d'origine : l'application envoie vos demandes à la ville que vous choisissez.
error-offline = Le serveur de la ville est injoignable pour le moment. Homeward réessaiera quand vous serez en ligne.
error-backend = Le serveur de la ville ne peut pas traiter cette opération pour le moment. Réessayez plus tard.
error-no-font = Cet appareil n'a pas de police pour le chinois : le PDF ne peut pas être créé. Utilisez plutôt « Imprimer ».
error-unsigned = Il manque à cette demande la signature de votre appareil : la ville ne peut pas savoir qu'elle vient de vous. Mettez à jour l'application et renvoyez la demande.
error-bad-signature = Cette demande a été modifiée en chemin et sa signature ne correspond plus : elle a été refusée. Renvoyez-la.
error-replayed = La signature de cette demande a expiré. Vérifiez la date et l'heure de votre téléphone, puis renvoyez-la.
error-unknown-device = La ville ne connaît pas la clé de cet appareil, ou cette clé a été retirée. Faites de nouveau vérifier votre identité.
error-idempotency-conflict = Deux versions différentes de la même demande ont été envoyées : elle a été refusée. Contactez un point de liaison.
error-not-signed-in = Connectez-vous d'abord, ou vérifiez le nom d'utilisateur et le mot de passe.
error-not-allowed = Ce compte n'a pas le droit de faire cela.
error-conflict = Quelqu'un d'autre a statué sur cette demande ou l'a transmise pendant que vous l'aviez ouverte : votre décision n'a pas été enregistrée. Rouvrez-la pour voir ce qui a été fait, puis décidez.
error-material-not-uploaded = Un document n'a pas fini d'être téléversé ; l'application le téléverse d'abord, puis renvoie la demande.
error-consent-required = Avant d'envoyer, acceptez le traitement de vos données sensibles et leur envoi en Chine.
error-too-many-attempts = Trop de connexions échouées pour ce nom. Réessayez dans 15 minutes.
error-desk-locked = Le poste d'accueil est verrouillé. Un bénévole doit l'ouvrir avec son code PIN.
error-attestation-tampered = La confirmation d'identité est endommagée ou a été modifiée après sa signature. Demandez-en une nouvelle.
error-unknown-signer = La confirmation d'identité a été signée par un point de liaison ou un agent que la ville ne connaît pas.
error-revoked-signer = Le point de liaison ou l'agent qui a confirmé votre identité n'a plus la confiance de la ville. Faites de nouveau confirmer votre identité.
error-attestation-other-device = La confirmation d'identité a été faite pour un autre appareil. Confirmez votre identité sur cet appareil.
error-attestation-expired = La confirmation d'identité a expiré. Faites de nouveau confirmer votre identité.
error-attestation-other-person = La confirmation d'identité concerne une autre personne que celle pour qui est faite cette demande. Vérifiez vos informations, ou faites de nouveau confirmer votre identité.
error-revision-other-service = Cette mise à jour indique une autre démarche que la demande à laquelle elle se rattache : elle a été refusée. Faites une nouvelle demande pour l'autre démarche.
error-identity-level-too-low = Cette démarche demande une preuve plus forte de votre identité. Voyez « Mon identité » pour savoir comment l'obtenir.
error-device-revoked = La clé de cet appareil a été retirée, comme pour un téléphone perdu : la ville n'accepte plus rien de ce qu'il signe. Effacez les données de l'application dans « Mes informations et vie privée », configurez-la de nouveau et faites de nouveau vérifier votre identité.
error-too-large = C'est plus volumineux que ce qu'accepte le serveur de la ville. Joignez un document plus petit, ou moins de documents à la fois.
error-timed-out = La connexion était trop lente pour aboutir à temps. L'application réessaie d'elle-même.
error-quota-exceeded = Vous avez envoyé autant que le serveur de la ville accepte d'un même téléphone pour le moment. L'application réessaiera plus tard d'elle-même.
error-insufficient-storage = Le serveur de la ville manque d'espace et n'accepte pas de nouveaux documents pour le moment. L'application réessaiera plus tard d'elle-même.
error-internal = Un problème inattendu est survenu. Vos données n'ont pas été perdues. Redémarrez l'application.

## Home

home-title = Vos démarches au pays, depuis l'étranger
home-lead = Les guides des démarches de { $city } pour les personnes vivant à l'étranger, lisibles hors ligne. Chacun indique s'il faut rentrer en Chine, et combien de fois.
home-drafts-title = Vos demandes
home-drafts-more = Afficher plus de demandes
draft-answered = { $count ->
    [one] { $count } réponse
   *[other] { $count } réponses
}
draft-updated = mise à jour le { $when }
catalogue-version = Catalogue des guides, version { $version } · { $date }

## Categories

category-household-registration = Enregistrement de résidence (hukou)
category-identity-card = Carte d'identité de résident (居民身份证)
category-entry-exit = Entrée et sortie du territoire
category-driving-vehicles = Permis de conduire et véhicules
category-real-estate = Immobilier
category-notarisation = Actes notariés et certification
category-social-insurance = Sécurité sociale et retraites
category-medical-insurance = Assurance maladie
category-housing-fund = Fonds de prévoyance pour le logement
category-civil-affairs = Affaires civiles et mariage
category-tax = Impôts
category-overseas-chinese = Affaires des Chinois d'outre-mer
category-education = Éducation
category-legal-services = Services juridiques
category-consultation = Renseignements et doléances

## Badges

badge-no-trip = Aucun déplacement
badge-one-trip = Un déplacement au plus
badge-entrustable = Un proche peut le faire pour vous

## A guide

guide-start = Commencer une demande
guide-your-drafts = Vos demandes non envoyées
guide-time-limit = Délai
guide-time-limit-same-day = Traité sur place
guide-time-limit-days = { $days ->
    [one] { $days } jour ouvré
   *[other] { $days } jours ouvrés
}
guide-fees = Frais
guide-department = Traité par
guide-channels = Comment faire la demande
guide-who = Qui peut faire la demande
guide-conditions = Conditions
guide-materials = Ce qu'il vous faut
guide-steps = Comment ça se passe
guide-entrust = Confier la démarche à un proche
guide-entrust-lead = Un proche en Chine peut s'occuper pour vous de l'étape au guichet. Il apporte :
guide-legal-basis = Base juridique
guide-reviewed = Version { $version }, revue le { $date }
guide-translation-note = Traduit du chinois pour votre commodité. Seul le texte chinois fait foi : c'est lui que le service applique ; les noms officiels des documents et des services sont indiqués en chinois à côté de la traduction.
material-original = original
material-copy = copie
material-original-or-copy = original ou copie
material-count = × { $count }
channel-online = Entièrement en ligne
channel-liaison-site = Avec un point de liaison à l'étranger
channel-counter-in-china = Au guichet en Chine (procuration possible)

## Filling in an application

draft-eyebrow = Brouillon de demande · { $city }
draft-autosave-hint = Chaque réponse est enregistrée au fur et à mesure.
draft-saving = Enregistrement…
draft-saved = Enregistré sur cet appareil
draft-save-failed = L'enregistrement a échoué. Réessayez.
field-choose = Choisissez
field-yes = Oui
field-no = Non
field-optional = (facultatif)

## Search

search-label = Rechercher une démarche
search-placeholder = Rechercher : permis, hukou, certificat de vie…
search-results = { $count ->
    [one] { $count } démarche trouvée
   *[other] { $count } démarches trouvées
}
search-none = Aucun résultat. Essayez d'autres mots, ou appelez une ligne d'assistance.
search-clear = Effacer la recherche
search-ask = Voir les lignes d'assistance
home-categories = Catégories

## Help and liaison sites

nav-help = Aide
contacts-title = Lignes d'assistance et points de liaison
contacts-lead = Vous ne savez pas quoi faire ? Appelez, ou rendez-vous au point de liaison le plus proche : des bénévoles vous y aident en personne.
contacts-help-lines = Lignes d'assistance
contacts-sites = Points de liaison à l'étranger
contacts-call = Appeler
contacts-write = E-mail
contacts-address = Adresse
contacts-hours = Horaires d'ouverture
contacts-languages = Langues

## Materials checklist

materials-progress = Prêts : { $done } sur { $total } (les coches ne sont gardées que sur cet appareil)
material-conditional = seulement pour certains demandeurs
material-alternatives = Également accepté :
guide-time-limit-calendar-days = { $days ->
    [one] { $days } jour
   *[other] { $days } jours
}

## Checking and managing applications

summary-title = Il y a un problème
draft-check = Vérifier mes réponses
draft-ready-title = Votre demande est complète
draft-ready-body = Toutes les questions obligatoires ont une réponse, et toutes les réponses sont valides. La demande pourra être envoyée au service compétent quand vous serez en ligne.
draft-duplicate = Faire une copie
draft-delete = Supprimer cette demande
draft-delete-confirm-title = Supprimer cette demande ?
draft-delete-confirm-body = Vos réponses seront effacées de cet appareil. Cette action est irréversible.
draft-delete-confirm = Supprimer
draft-delete-keep = La garder
field-date-placeholder = année-mois-jour, par exemple 1985-06-15
draft-progress = Fait : { $done } sur { $total }
status-not-started = Pas commencé
status-in-progress = En cours
status-needs-attention = À revoir
status-complete = Terminé

## Attaching documents

material-add = Prendre une photo ou choisir un fichier
material-adding = Préparation…
material-camera = Prendre une photo
material-add-failed = Ce fichier ne peut pas être utilisé. Choisissez une photo (JPEG, PNG ou WebP) ou un PDF de 30 Mo au plus.
material-remove = Retirer

## Check your answers

answers-eyebrow = Vérifiez vos réponses · { $city }
answers-none = Sans réponse
answers-change = Modifier
answers-print = Imprimer
draft-review-all = Voir toutes vos réponses
summary-item = { $label } : { $problem }
draft-catalogue-changed = Le guide a été mis à jour après que vous avez commencé. { $changed ->
    [0] {""}
    [one] { $changed } question a changé : vérifiez la réponse signalée.
   *[other] { $changed } questions ont changé : vérifiez les réponses signalées.
} { $removed ->
    [0] {""}
    [one] { $removed } réponse à une question qui n'est plus posée reste sur cet appareil et ne sera pas envoyée.
   *[other] { $removed } réponses à des questions qui ne sont plus posées restent sur cet appareil et ne seront pas envoyées.
}
draft-question-changed = Cette question a changé après que vous avez commencé. Vérifiez votre réponse.

## The printable application (PDF)
pdf-eyebrow = Demande
pdf-not-answered = Sans réponse
pdf-attached = { $count ->
    [one] { $count } document joint
   *[other] { $count } documents joints
}
pdf-status = État
pdf-status-complete = Complète
pdf-status-incomplete = Incomplète : { $count ->
    [one] { $count } réponse à revoir
   *[other] { $count } réponses à revoir
}
pdf-department = Service compétent
pdf-reference = Référence
pdf-generated = Établie le
pdf-incomplete-note = Cette demande n'est pas encore complète. Elle pourra être envoyée quand toutes les réponses marquées « À revoir » auront été corrigées.
pdf-needs-attention = À revoir
pdf-declaration = Je déclare que les réponses et les documents joints sont véridiques, exacts et complets.
pdf-signature = Signature du demandeur
pdf-date = Date
pdf-page = Page { $page } sur { $pages }
answers-pdf = Créer un PDF
answers-pdf-working = Création du PDF…
answers-pdf-saved = PDF enregistré dans { $path }
answers-pdf-open = Ouvrir le PDF

## Sending and the outbox
nav-outbox = Envois
send-application = Envoyer à la ville
send-consent-title = Envoyer cette demande ?
send-consent-body = Vos réponses et la liste de vos documents sont transmises par le serveur de { $city } au service compétent ({ $department }), signées avec la clé de cet appareil pour montrer qu'elles viennent de vous.
send-consent-offline = Sans connexion, la demande attend dans les envois de cet appareil et part, une seule fois, dès que vous êtes en ligne.
send-confirm = Envoyer maintenant
send-cancel = Pas encore
outbox-title = Demandes envoyées
outbox-intro = Ce que vous avez envoyé, et si c'est arrivé. Sans connexion, les demandes attendent sur cet appareil et partent dès que vous êtes en ligne.
outbox-empty = Vous n'avez encore envoyé aucune demande.
outbox-waiting = En attente d'envoi
outbox-sending = Envoi en cours
outbox-set-aside = Non arrivée
outbox-delivered = Arrivée
outbox-waiting-first = Enregistrée sur cet appareil ; elle part dès que vous êtes en ligne.
outbox-waiting-next = { $attempts ->
    [one] { $attempts } essai ; prochain essai le { $time }.
   *[other] { $attempts } essais ; prochain essai le { $time }.
}
outbox-retry = Renvoyer
outbox-reference = Référence
outbox-received-at = Reçue par la ville le { $time }
outbox-progress = { $sent } Ko envoyés sur { $total } Ko

## Where an application stands at the city
application-status-received = Reçue
application-status-in-review = En cours d'examen
application-status-more-material-needed = Documents complémentaires demandés
application-status-approved = Acceptée
application-status-rejected = Refusée
application-status-completed = Terminée
outbox-add-material = Ajouter les documents et renvoyer
outbox-send = { $revision ->
    [0] Premier envoi
   *[other] Complément n° { $revision }
}
outbox-timeline = Historique (y compris chaque ouverture par le personnel)
outbox-event-routed = Transmise à : { $department }
outbox-event-access = { $role ->
        [administrator] Un administrateur
        [officer] Un agent
       *[reviewer] Un instructeur
    } de la ville a ouvert votre demande
outbox-event-access-department = { $role ->
        [administrator] Un administrateur
        [officer] Un agent
       *[reviewer] Un instructeur
    } ({ $department }) a ouvert votre demande
send-revision = Envoyer le complément

## My details and privacy
privacy-link = Mes informations et vie privée
privacy-title = Mes informations et vie privée
privacy-intro = Vos informations restent dans la base de données chiffrée de cet appareil et ne partent vers la ville que lorsque vous envoyez une demande. Vous pouvez tout exporter ou tout effacer à tout moment.
profile-title = Vos informations
profile-why = Utilisées uniquement pour les démarches que vous choisissez et pour vérifier votre identité en personne.
profile-name-han = Nom en caractères chinois
profile-name-han-hint = Comme sur votre carte d'identité de résident (居民身份证) ou votre livret de hukou (户口簿) ; les caractères rares fonctionnent aussi
profile-name-pinyin = Nom en pinyin
profile-name-pinyin-hint = Comme sur votre passeport, par exemple WANG XIAOMING
profile-birth-date = Date de naissance
profile-id-number = Numéro d'identité du citoyen (公民身份号码)
profile-id-number-hint = Si vous en avez un ; indiquez au moins ce numéro ou votre numéro de passeport
profile-passport = Numéro de passeport
profile-passport-hint = Par exemple E12345678
profile-save = Enregistrer
profile-saved = Enregistré sur cet appareil
consents-title = Consentements
consents-intro = Chacun est donné séparément et peut être retiré à tout moment. Sans eux, aucune nouvelle demande ne peut être envoyée ; ce qui a déjà été envoyé n'est pas concerné.
consent-sensitive-data = Données personnelles sensibles
consent-sensitive-data-body = J'accepte que les numéros de mes pièces d'identité et les photos de mes documents soient traités pour les démarches que je choisis (art. 28 et 29 de la loi sur la protection des informations personnelles, 《个人信息保护法》).
consent-cross-border = Envoi en Chine
consent-cross-border-body = J'accepte que les données personnelles de mes demandes soient envoyées, depuis le pays où je vis, aux services de la ville d'origine concernée par chaque demande (art. 38 et 39 de la loi sur la protection des informations personnelles, 《个人信息保护法》 ; RGPD).
consent-given-at = Donné le { $time }
consent-withdrawn-at = Retiré le { $time }
consent-not-given = Non donné
consent-give = Donner mon consentement
consent-withdraw = Retirer mon consentement
access-title = Qui, à la ville, a consulté mes données
access-body = La ville enregistre chaque fois que son personnel ouvre votre demande, télécharge l'un de vos documents, lit votre demande de vérification d'identité ou vérifie une procuration que vous avez signée. Vous voyez ici chacune de ces fois, avec le rôle et le service de la personne. Cette consultation n'envoie rien d'autre que la signature de cet appareil.
access-show = Afficher
access-refresh = Afficher de nouveau
access-none = Personne à la ville n'a consulté vos données.
access-older = Afficher les entrées plus anciennes
access-entry = { $by } { $action }
access-by = { $role ->
        [administrator] Un administrateur
        [officer] Un agent
       *[reviewer] Un instructeur
    }
access-by-department = { $role ->
        [administrator] Un administrateur
        [officer] Un agent
       *[reviewer] Un instructeur
    } ({ $department })
access-action-opened-application = a ouvert votre demande { $reference }
access-action-downloaded-document = a téléchargé un document de votre demande { $reference }
access-action-read-conversation = a lu les messages de votre demande { $reference }
access-action-viewed-proofing-request = a lu votre demande de vérification d'identité, avec vos informations
access-action-checked-letter = a vérifié une procuration que vous avez signée
access-action-revoked-device = a retiré la clé de cet appareil
access-action-other = a modifié les comptes ou les clés de la ville
export-title = Exporter toutes mes données
export-body = Tout ce que l'application garde sur vous (informations, consentements, brouillons, documents, envois et reçus) est placé dans votre dossier de téléchargements.
export-button = Exporter
export-done = Exporté dans { $path }
erase-title = Effacer toutes mes données
erase-body = Supprime de cet appareil tous les brouillons, documents, informations, consentements et clés. Les demandes déjà envoyées à la ville ne sont pas concernées. Cette action est irréversible.
erase-confirm = Tout effacer sur cet appareil ? L'application se ferme ensuite.
erase-button = Effacer toutes mes données
erase-done = Effacé. L'application se ferme.

## My identity and site mode
identity-link = Mon identité
identity-title = Mon identité
identity-level-now = Niveau de preuve de votre identité
level-self-asserted = Non vérifiée (votre propre déclaration)
level-documents-reviewed = Documents examinés à distance
level-onsite-attended = Vérifiée en personne dans un point de liaison
level-remote-attended = Vérifiée par vidéo avec un agent
level-self-asserted-means = Suffit pour les renseignements et les certificats qui vous concernent. La plupart des démarches demandent davantage.
level-documents-reviewed-means = Suffit pour les démarches où vos documents doivent être vérifiés, mais pas pour celles où l'on doit vous voir en personne.
level-onsite-attended-means = Suffit pour toutes les démarches du catalogue.
level-remote-attended-means = Suffit pour toutes les démarches du catalogue.
identity-in-person = Vérification en personne dans un point de liaison
identity-in-person-body = Apportez votre passeport ou votre carte d'identité de résident (居民身份证) dans un point de liaison. Montrez au bénévole le code ci-dessous ; il vérifie vos documents face à face et vous remet une confirmation. Aucun des deux appareils n'a besoin de connexion.
identity-profile-needed = Remplissez d'abord vos informations (nom, date de naissance et un numéro de document) : le code les transmet au bénévole, qui les compare avec vos documents.
identity-show-code = Afficher mon code d'identité
identity-code-hint = Laissez le bénévole scanner ce code, ou copiez-lui le texte. Il contient vos informations : ne le montrez qu'au bénévole.
qr-image-label = Code QR
code-text-label = Le même code en texte
identity-paste-label = Confirmation remise par le bénévole
identity-paste-hint = Scannez le code du bénévole, ou collez le texte qu'il vous donne.
identity-add = Ajouter la confirmation
identity-added = Confirmation ajoutée.
identity-other-ways = Autres moyens
identity-way-documents = Si l'appel vidéo ne permet pas de bien vous voir, l'agent peut quand même confirmer vos documents (documents examinés) : cela suffit pour la plupart des démarches, mais pas pour celles où l'on doit vous voir en personne ou par vidéo.
identity-find-site = Trouver un point de liaison
identity-attestations = Confirmations sur cet appareil
attestation-by-site = par le point de liaison { $site }
attestation-by-officer = par l'agent { $officer }
attestation-dates = délivrée le { $issued }, valable jusqu'au { $expires }
attestation-not-current = Non valable actuellement
document-passport = Passeport
document-id-card = Carte d'identité de résident (居民身份证)
guide-identity = Identité exigée
guide-identity-how = Comment la prouver
site-link = Mode point de liaison (pour les bénévoles)
site-title = Mode point de liaison
site-intro = Pour les bénévoles d'un point de liaison : lire le code d'identité d'une personne, vérifier ses documents face à face et signer une confirmation avec la clé de ce point de liaison. Rien de ce qui la concerne n'est gardé sur cet ordinateur.
site-setup = Configurer cet ordinateur pour un point de liaison
site-id = Code du point de liaison
site-id-hint = Lettres minuscules, chiffres et traits d'union, tel que la ville l'a attribué : par exemple prato.
site-name = Nom du point de liaison
site-enable = Créer la clé du point de liaison
site-signing-as = Signé au nom de
site-key-hint = La clé publique de ce point de liaison. Envoyez-la à l'administrateur de la ville ; les confirmations ne comptent qu'une fois la clé enregistrée.
site-read = Lire le code d'une personne
site-read-label = Le code d'identité de la personne
site-read-hint = Scannez le code sur son téléphone, ou collez le texte qu'elle vous donne.
site-read-button = Lire le code
site-compare = Comparer avec les documents devant vous
site-compare-hint = Chaque information doit correspondre au passeport ou à la carte d'identité de la personne, et la photo doit être celle de la personne devant vous.
site-documents-checked = J'ai vérifié
site-face-to-face = La personne est bien présente devant moi et correspond à la photo du document.
site-sign = Signer la confirmation
site-signed = Confirmation signée
site-signed-hint = Laissez la personne scanner ce code, ou donnez-lui le texte. Il est valable trois ans, pour son appareil uniquement.
site-next = Personne suivante
site-leave = Quitter le mode point de liaison
site-leave-body = Détruit la clé du point de liaison sur cet ordinateur. La ville doit enregistrer une nouvelle clé avant que cet ordinateur puisse signer de nouveau.
site-leave-confirm = Détruire la clé de ce point de liaison ?
desk-locked-title = Le poste d'accueil est verrouillé
desk-locked-intro = Choisissez votre nom et saisissez votre code PIN pour ouvrir le poste d'accueil.
desk-volunteer = Bénévole
desk-pin = Code PIN ou phrase secrète
desk-pin-hint = Au moins 6 caractères, pas tous identiques. Vous seul devez le connaître.
desk-pin-again = Le même code PIN une seconde fois
desk-unlock = Ouvrir le poste d'accueil
desk-on-duty = De service : { $name }
desk-idle-hint = Le poste d'accueil se verrouille tout seul après { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
} sans utilisation. Verrouillez-le chaque fois que vous vous éloignez.
desk-lock-now = Verrouiller maintenant
desk-first-title = Enregistrer le premier bénévole
desk-first-intro = Chaque bénévole de ce point de liaison a son propre nom et son propre code PIN ou phrase secrète. Le poste d'accueil ne s'ouvre qu'avec l'un d'eux, et chaque confirmation signée ici indique qui l'a signée.
desk-add-title = Enregistrer un autre bénévole
desk-add-intro = Il ouvrira le poste d'accueil avec son propre nom et son propre code PIN.
desk-volunteer-name = Nom
desk-add-volunteer = Enregistrer le bénévole
desk-volunteers = Bénévoles de ce point de liaison
desk-remove-volunteer = Retirer
desk-remove-confirm = Retirer ce bénévole ? Il ne pourra plus ouvrir le poste d'accueil.
desk-log = Journal du point de liaison
desk-log-intro = Quand le poste d'accueil a été ouvert et verrouillé, par qui, et combien de confirmations ont été signées. Rien sur les personnes reçues n'est gardé ici.
site-action-volunteer-added = Bénévole enregistré
site-action-volunteer-removed = Bénévole retiré
site-action-unlocked = Poste d'accueil ouvert
site-action-locked = Poste d'accueil verrouillé
site-action-idle-locked = Poste d'accueil verrouillé après inactivité
site-action-pin-refused = Code PIN erroné
site-action-attested = Confirmation d'identité signée
site-action-walk-in-started = Session visiteur ouverte
site-action-walk-in-ended = Session visiteur terminée et effacée
site-action-walk-in-sealed = Session visiteur scellée jusqu'à sa réception par la ville
walk-in-title = Visiteurs
walk-in-intro = Recevez une personne venue au poste d'accueil dans une session à part : ses informations, ses documents et ses demandes sont tenus séparés du point de liaison et de tous les autres, et effacés à la fin de la session.
walk-in-start = Nouveau visiteur
walk-in-active = Un visiteur est en cours d'accueil sur cet ordinateur.
walk-in-back = Retour au visiteur
walk-in-interrupted = Sessions interrompues à l'arrêt de l'ordinateur
walk-in-started-at = Commencée le { $time }
walk-in-resume = Reprendre
walk-in-sealed-count = { $count ->
    [one] { $count } session terminée est scellée : elle est envoyée quand la ville est joignable, puis effacée.
   *[other] { $count } sessions terminées sont scellées : elles sont envoyées quand la ville est joignable, puis effacées.
}
walk-in-wiped = La session est terminée. Il n'en reste rien sur cet ordinateur.
walk-in-sealed = La session est terminée et scellée : personne ne peut l'ouvrir. Ses demandes sont envoyées quand la ville est joignable, puis elle est effacée.
walk-in-bar = Session visiteur
walk-in-bar-hint = Tout ce qui se trouve ici appartient à la personne au poste d'accueil et est effacé à la fin de la session.
walk-in-confirm-identity = Confirmer l'identité
walk-in-end = Terminer la session
walk-in-end-confirm = Terminer cette session ? Les brouillons non envoyés sont supprimés avec elle ; ce qui a été envoyé est effacé dès que la ville l'a reçu.
walk-in-confirm-title = Confirmer en personne l'identité de cette personne
walk-in-confirmed = Identité confirmée
walk-in-consents = Consentements
walk-in-read-title = Lisez ceci à la personne
walk-in-read-hint = Choisissez la langue que la personne lit le mieux, puis lisez le texte à voix haute ou laissez-la le lire. Ne cochez une case que si la personne dit oui.
walk-in-read-language = Langue du texte
walk-in-read-intro = Ce que vous nous dites aujourd'hui reste sur cet ordinateur pour cette visite seulement, protégé par une clé qui lui est propre. Rien n'est envoyé à la ville tant que vous ne décidez pas d'envoyer une demande, et tout est effacé de cet ordinateur quand nous avons terminé, dès que la ville a reçu ce que vous avez envoyé.
walk-in-read-choice = Vous pouvez refuser, ou changer d'avis plus tard ; sans ces deux accords, nous pouvons quand même vous aider à lire les guides, mais pas envoyer une demande.
walk-in-agrees = La personne accepte

## Entrustment letters
letter-eyebrow = Procuration
letter-title = Procuration
letter-body = Je soussigné(e), { $principal } (pièce d'identité { $document }), donne procuration à { $agent } (numéro d'identité du citoyen, 公民身份号码 : { $agent_id }) pour accomplir en mon nom :
letter-validity = Valable du { $from } au { $until } inclus.
letter-number = Procuration n° { $id }
letter-proven = L'identité de la personne a été confirmée { $level ->
        [onsite-attended] en personne au point de liaison { $issuer }
       *[remote-attended] par vidéo par l'agent { $issuer }
    } le { $date } ; la vérification confirme que cette preuve est authentique et concerne bien cette personne.
letter-verify = Personnel du guichet : scannez le code QR, ou saisissez le texte qui figure dessous sur { $url } ou dans la console de gestion. La procuration n'est valable que si la vérification indique qu'elle est valide ; la personne peut la révoquer à tout moment.
letter-signed = Signée électroniquement avec la clé de l'appareil de la personne, enregistrée auprès de la ville.
letter-principal = Signature du mandant
letters-link = Donner procuration à un proche
letters-title = Donner procuration à un proche
letters-intro = Une procuration permet à un proche en Chine d'accomplir pour vous une étape au guichet. L'application la signe avec la clé de cet appareil ; imprimez-la ou envoyez le PDF à votre proche. Le guichet scanne son code QR pour la vérifier, et vous pouvez la révoquer à tout moment.
letters-new = Nouvelle procuration
letters-identity-needed = Avant de pouvoir donner procuration à un proche, votre identité doit être confirmée en personne dans un point de liaison ou par vidéo avec un agent. La procuration porte cette confirmation : le guichet sait ainsi qu'elle vient vraiment de vous.
letters-agent-name = Nom de votre proche
letters-agent-name-hint = Comme sur sa carte d'identité de résident (居民身份证).
letters-agent-id = Numéro d'identité du citoyen (公民身份号码) de votre proche
letters-services = Les démarches qu'il peut faire pour vous
letters-valid-until = Valable jusqu'au
letters-valid-until-hint = Le dernier jour où il peut agir pour vous, au plus un an à partir d'aujourd'hui : par exemple 2027-05-31.
letters-sign = Signer la procuration
letters-made = Procuration signée.
letters-yours = Vos procurations
letters-to = Pour { $agent }
letters-valid-until-at = Valable jusqu'au { $time }
letters-revoked-at = Révoquée le { $time }
letters-save-pdf = Enregistrer la procuration en PDF
letters-revoke = Révoquer
letters-revoke-confirm = Révoquer cette procuration ? Les guichets la refuseront désormais.
identity-video = Vérification par vidéo
identity-video-body = Un agent de la ville vous appelle en vidéo, vous voit avec votre passeport ou votre carte d'identité, et compare le tout avec vos informations. Cela vaut une visite dans un point de liaison.
identity-video-contact = Comment l'agent peut vous appeler
identity-video-contact-hint = Un numéro de téléphone avec l'indicatif du pays, un identifiant WeChat ou une adresse e-mail.
identity-video-ask = Demander un appel vidéo
identity-video-requested = Demandé le { $time }. Un agent vous appellera ; la confirmation arrivera d'elle-même dans l'application.
field-error-profile = Remplissez d'abord vos informations : nom, date de naissance et un numéro de document.
field-error-agent-name = Nom de votre proche : écrivez-le comme sur sa carte d'identité de résident (居民身份证).
field-error-agent-id-number = Numéro d'identité du citoyen (公民身份号码) de votre proche : 18 caractères, comme sur sa carte ; vérifiez le dernier.
field-error-guides = Démarches : choisissez au moins une démarche que votre proche peut faire.
field-error-valid-until = Valable jusqu'au : une date entre aujourd'hui et dans un an, par exemple 2027-05-31.
field-error-site-id = Code du point de liaison : uniquement des lettres minuscules, des chiffres et des traits d'union, tel que la ville l'a attribué.
field-error-site-name = Nom du point de liaison : écrivez le nom du point de liaison (100 caractères au plus).
field-error-contact = Comment l'agent peut vous appeler : un numéro de téléphone, un identifiant WeChat ou une adresse e-mail.
field-error-backend-url = Le serveur de cette ville est joint par une connexion non protégée (simple http://), qui permettrait à n'importe qui sur le trajet de lire vos données : Homeward ne l'utilisera donc pas. La liste officielle de la ville et ses versions de l'application utilisent https://.
field-error-home-city = Choisissez l'une des villes de la liste. Une fois la ville d'origine choisie, elle ne change plus.
field-error-volunteer-name = Saisissez le nom du bénévole (1 à 60 caractères), différent de celui de chaque bénévole déjà enregistré.
field-error-volunteer = Le dernier bénévole ne peut pas être retiré : personne ne pourrait plus ouvrir le poste d'accueil.
field-error-new-pin = Un code PIN doit compter de 6 à 64 caractères, et ne pas être un seul caractère répété.
field-error-new-pin-again = Les deux codes PIN sont différents. Saisissez deux fois le même code PIN.
field-error-pin = Ce n'est pas le code PIN de ce bénévole. Après cinq essais erronés, ce nom est refusé pendant 15 minutes.
field-error-walk-in-active = Un visiteur est en cours d'accueil sur cet ordinateur. Terminez d'abord sa session.
field-error-site-mode = Cet ordinateur est celui d'un point de liaison. Pour l'effacer, un bénévole doit d'abord quitter le mode point de liaison sur le poste d'accueil, ce qui détruit la clé du point de liaison.
field-error-proof-request = Ce n'est pas un code d'identité Homeward, ou il est incomplet. Scannez-le ou collez-le de nouveau.
field-error-attestation = Cette confirmation concerne d'autres informations que celles de votre profil. Demandez-en une nouvelle au bénévole.
field-error-documents = Cochez les documents que vous avez vérifiés.
letters-agent-id-hint = 18 caractères, comme sur sa carte d'identité de résident (居民身份证).
level-attended-either = Vérifiée en personne dans un point de liaison, ou par vidéo
guide-identity-have = vous l'avez
field-error-code-image = Aucun code n'a pu être lu sur cette image. Approchez l'appareil photo, avec tout le code visible et net, ou collez plutôt le texte.
code-scan = Scanner avec l'appareil photo
code-scanning = Lecture du code…
identity-video-declined = L'agent n'a pas pu confirmer votre identité par vidéo (pas de réponse, ou vos informations ne correspondaient pas à votre document). Vérifiez vos informations et faites une nouvelle demande, ou rendez-vous dans un point de liaison.
city-title = Quelle est votre ville d'origine ?
city-lead = Homeward envoie vos demandes à la ville que vous choisissez, et seulement à elle. Tant que vous n'avez pas choisi, rien n'est envoyé nulle part.
city-server = Son serveur :
city-choose = Ma ville d'origine est { $city }
city-choosing = Choix en cours…
city-once = Chaque demande appartient à la ville qu'elle concerne et n'est envoyée qu'à cette ville. Vous pourrez changer de ville plus tard ; ce que vous avez commencé reste avec sa propre ville.
city-help-title = En cas d'urgence, appelez tout de suite
connection-title = Le serveur de votre ville
connection-body = Les demandes partent vers cette adresse, et les réponses en reviennent. Rien n'est envoyé sans une action de votre part.
connection-online = Il répond : connecté.
connection-offline = Il ne répond pas pour l'instant. Ce que vous faites est gardé sur cet appareil et sera envoyé quand il répondra.
connection-unknown = Pas encore vérifié.
connection-check = Vérifier maintenant
connection-city = Ville d'origine : { $city }, { $region }
connection-fixed = Cette adresse a été fixée au lancement de l'application, pour le développement et les tests.

walk-in-receipt = Reçu
receipt-title = Le reçu de la personne
receipt-hint = Imprimez-le, ou laissez la personne photographier le code QR. Il lui permet de reprendre ses demandes sur son propre téléphone, ou de voir où elles en sont.
receipt-none = Rien n'a encore été envoyé pendant cette session : il n'y a pas de reçu à remettre.
receipt-heading = Reçu Homeward
receipt-code = Code de suivi
receipt-secret = Code secret
receipt-valid-until = Valable jusqu'au
receipt-not-yet-sent = en attente d'envoi
receipt-with-app = Avec Homeward sur votre téléphone : ouvrez « Envois », choisissez « Reprendre à partir d'un reçu » et lisez ce code QR, ou saisissez le code de suivi et le code secret. Les demandes, les réponses de la ville et ses requêtes arrivent alors sur votre téléphone.
receipt-without-app = Sans l'application : apportez ce reçu dans un point de liaison ; un bénévole pourra voir où en sont vos demandes et vous aider à répondre à la ville.
receipt-keep-secret = Gardez ce reçu pour vous : quiconque détient le code secret peut reprendre les demandes, une seule fois.
receipt-print = Imprimer le reçu
take-over-title = Reprendre à partir d'un reçu
take-over-intro = Un point de liaison a envoyé des demandes pour vous et vous a remis un reçu ? Reprenez-les sur cet appareil : les réponses et les requêtes de la ville arriveront ici.
take-over-code = Code de suivi
take-over-secret = Code secret
take-over-scan-hint = Ou lisez le code QR sur une photo du reçu.
take-over-submit = Reprendre les demandes
take-over-look = Seulement voir où elles en sont
take-over-claimed = Ces demandes ont été reprises par une application ; suivez-les là-bas.
field-error-receipt = Aucun reçu ne correspond à ce code de suivi et à ce code secret, ou il a expiré, ou un autre appareil a déjà repris ses demandes.
field-error-receipt-code = Le code de suivi : les 8 lettres et chiffres imprimés sur le reçu.
field-error-receipt-secret = Le code secret : les 16 lettres et chiffres imprimés sur le reçu.
receipt-track-online = Ou voyez où elles en sont dans un navigateur, avec le code de suivi et le code secret :
desk-my-pin = Votre propre code PIN
desk-my-pin-hint = Vous êtes de service : saisissez de nouveau votre code PIN pour ajouter un bénévole.
desk-remove-my-pin-hint = Pour retirer un bénévole, saisissez d'abord ici votre propre code PIN.
field-error-my-pin = Ce n'est pas votre code PIN. Saisissez le code PIN avec lequel vous ouvrez le poste d'accueil.
walk-in-handed-over = La personne a repris ses demandes sur son propre téléphone grâce au reçu. Sa session est effacée ; rien de ce qui la concerne ne reste sur cet ordinateur.

## Countries of residence, for the notices that concern the person
country-it = Italie
country-fr = France
country-es = Espagne
country-de = Allemagne
country-nl = Pays-Bas
country-be = Belgique
country-pt = Portugal
country-at = Autriche
country-ch = Suisse
country-gb = Royaume-Uni
country-ie = Irlande
country-gr = Grèce
country-hu = Hongrie
country-cz = Tchéquie
country-pl = Pologne
country-ro = Roumanie
country-rs = Serbie
country-se = Suède
country-za = Afrique du Sud
country-ng = Nigeria
country-ao = Angola
country-ke = Kenya
country-gh = Ghana
country-ae = Émirats arabes unis
country-sa = Arabie saoudite
country-us = États-Unis
country-ca = Canada
country-mx = Mexique
country-br = Brésil
country-ar = Argentine
country-pa = Panama
country-pe = Pérou
country-cl = Chili
country-jp = Japon
country-kr = Corée du Sud
country-sg = Singapour
country-my = Malaisie
country-th = Thaïlande
country-ph = Philippines
country-id = Indonésie
country-vn = Viêt Nam
country-kh = Cambodge
country-au = Australie
country-nz = Nouvelle-Zélande
notice-notification-title = Alerte de sécurité : { $title }
field-error-residence-country = Pays où vous vivez : choisissez-en un dans la liste, ou aucun.

## Notices
notices-title = Avis et alertes de sécurité
notices-lead = Les alertes de sécurité pour le pays où vous vivez, les changements dans le traitement d'une démarche et les points de liaison fermés. Ils restent lisibles sans connexion.
notices-country-label = Pays où vous vivez
notices-country-hint = Utilisé uniquement sur ce téléphone ou cet ordinateur pour choisir les avis et l'ambassade qui vous concernent ; il n'est jamais envoyé.
notices-country-none = Non choisi (seulement les avis pour tous)
notices-refused = Les derniers avis de la ville n'ont pas pu être vérifiés : les derniers avis vérifiés sont affichés.
notices-checked = Dernière vérification auprès de la ville : { $time }
notices-never-checked = Pas encore vérifié auprès de la ville.
notices-none-for = Aucun avis en ce moment pour ce pays : { $country }.
notices-none = Aucun avis pour tous en ce moment. Choisissez votre pays pour voir ceux qui concernent l'endroit où vous vivez.
notices-from = publié par { $signer }
notices-where = Où
notices-sites = Points de liaison
notices-until = Jusqu'au
notices-alerts-label = Alertes de sécurité
notices-open = { $count ->
    [0] Avis pour le pays où vous vivez
    [one] { $count } avis pour le pays où vous vivez
   *[other] { $count } avis pour le pays où vous vivez
}
notice-kind-safety-alert = Alerte de sécurité
notice-kind-service-change = Changement de démarche
notice-kind-site-closure = Point de liaison fermé

## Embassies and consulates
contacts-missions = L'ambassade et les consulats de Chine là où vous vivez
contacts-missions-choose = Choisissez le pays où vous vivez pour voir son ambassade et ses consulats de Chine.
contacts-missions-none = Aucune ambassade ni aucun consulat n'est encore répertorié pour ce pays : { $country }. Appelez la ligne 12308 ci-dessous ; elle répond pour tous les pays.
contacts-mission-area = Circonscription consulaire
contacts-mission-protection = Protection consulaire, 24 h/24
contacts-source = Source, datée du { $date } :
mission-kind-embassy = Ambassade
mission-kind-consulate-general = Consulat général

# Switching the current home city
home-city-switch = Ville d'origine : { $city } · Changer
text-size-label = Taille du texte
text-size-option = { $percent } %
city-switch-title = Changer de ville d'origine
city-switch-lead = Les guides affichés et les nouvelles demandes concernent la ville que vous choisissez. Les demandes déjà commencées ou envoyées restent avec leur propre ville et ne vont toujours qu'à son serveur.
city-current = Ville actuelle
city-switch-to = Passer à { $city }
draft-withdrawn-tag = Plus proposée
draft-withdrawn = La ville ne propose plus cette démarche dans son catalogue. Vos réponses et vos documents sont conservés : vous pouvez imprimer cette demande, l'exporter avec vos données ou la supprimer, mais elle ne peut plus être envoyée.

# A request for more material, in the person's language
outbox-request = Le service vous demande d'envoyer de nouveau ces documents :
outbox-request-reason = Motif : { $reason }
outbox-officer-words = Les mots de l'agent :
outbox-event-message = Le service vous a écrit{ $documents ->
    [0] {""}
    [one] , avec un document
   *[other] , avec { $documents } documents
}
conversation-title = Messages avec le service
conversation-intro = Posez une question ou envoyez un document au sujet de cette demande. Sans connexion, les messages attendent sur cet appareil et partent dès que vous êtes en ligne ; les réponses et les documents du service apparaissent ici.
conversation-empty = Aucun message pour le moment.
conversation-you = Vous
conversation-office = Le service
conversation-waiting = En attente d'envoi
conversation-delivered = Arrivé
conversation-document-size = { $kilobytes } Ko
conversation-document-saved = Enregistré dans { $path }
conversation-document-open = L'ouvrir
conversation-save-document = Enregistrer
conversation-write = Votre message
conversation-attach = Joindre une photo ou un PDF
conversation-remove-attachment = Retirer
conversation-send = Envoyer le message
notify-office-message = { $reference } · Le service vous a écrit{ $documents ->
    [0] {""}
    [one] , avec un document
   *[other] , avec { $documents } documents
}. Ouvrez Homeward pour le lire.
field-error-message-text = Votre message : écrivez quelque chose (4000 caractères au plus), ou joignez un document.
field-error-message-attachments = Documents : un message en contient 5 au plus ; envoyez les autres dans un second message.
field-error-message-application = Vous pourrez écrire au service une fois que la demande sera arrivée et aura une référence.
field-error-file = Le fichier : une photo (JPEG, PNG ou WebP) ou un PDF, de 30 Mo au plus.
request-reason-missing = il n'a pas été envoyé
request-reason-unreadable = il est illisible (flou, coupé ou trop sombre)
request-reason-expired = il n'est plus valable
request-reason-wrong-document = ce n'est pas le document demandé
request-reason-needs-translation = il doit être traduit en chinois
request-reason-needs-certification = il doit être authentifié par un notaire ou légalisé
request-reason-incomplete = des pages ou des faces manquent
