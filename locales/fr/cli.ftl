## The homeward command line.

cli-error = Erreur
cli-catalog-ok = { $count } guides vérifiés : aucun problème trouvé.
cli-catalog-problems = { $count ->
    [one] { $count } problème trouvé dans le catalogue.
   *[other] { $count } problèmes trouvés dans le catalogue.
}
cli-pack-written = { $path } écrit avec { $count } guides.
cli-pack-stale = { $path } n'est pas à jour : lancez `{ $command }` et committez le résultat.
cli-pack-current = { $path } (version { $version }) correspond à ses sources.
cli-cities-written = { $path } écrit avec { $count ->
        [one] { $count } ville d'origine
       *[other] { $count } villes d'origine
    }.
cli-verify-ok = La signature est valide : catalogue version { $version }, { $count } guides.
cli-verify-failed = Le paquet a été refusé
cli-keygen-done = Clé secrète écrite dans { $path }. Conservez-la hors ligne ; placez la clé publique ci-dessus dans catalog/keys/content-key.pub.
cli-search-none = Aucun guide ne correspond.
cli-check-valid = Valide : { $value }
cli-check-invalid = Non valide : { $reason }
cli-check-warning = À vérifier
cli-check-unknown-type = Type inconnu « { $type } ». Utilisez l'un de ceux-ci : { $types }.

cli-admin-token = Voici votre jeton de connexion : affectez-le à HOMEWARD_ADMIN_TOKEN pour les autres commandes.
cli-admin-none = Aucune demande ne correspond.
cli-admin-signature-ok = signature de l'appareil vérifiée
cli-admin-signature-bad = la signature de l'appareil n'est PAS valide
cli-admin-revision = { $revision ->
    [0] Premier dépôt
   *[other] Complément n° { $revision }
}
cli-admin-staff-added = Compte du personnel { $username } ajouté.
cli-admin-staff-disabled = Compte du personnel { $username } désactivé ; ses sessions sont terminées.
cli-admin-access-more = Des entrées plus anciennes restent : ajoutez --before { $seq }.
cli-admin-device-revoked = Clé de l'appareil révoquée : le serveur la refuse désormais.
cli-admin-signer-trusted = de confiance
cli-admin-signer-revoked = révoquée

cli-notices-ok = { $count ->
    [one] { $count } avis vérifié : aucun problème trouvé.
   *[other] { $count } avis vérifiés : aucun problème trouvé.
}
cli-notices-problems = { $count ->
    [one] { $count } problème trouvé : rien n'a été publié.
   *[other] { $count } problèmes trouvés : rien n'a été publié.
}
cli-notices-published = Avis { $id } publié : le flux est maintenant en version { $version } avec { $count ->
    [one] { $count } avis
   *[other] { $count } avis
}.
cli-notices-withdrawn = Avis { $id } retiré : le flux est maintenant en version { $version }.
cli-notices-not-found = Le flux signé par cette clé ne contient pas d'avis { $id }.
cli-notices-untrusted-key = Aucune ville de la liste des villes ne fait confiance à la clé { $key } pour signer des avis : les applications refuseraient son flux.
cli-notices-kind-not-allowed = La liste des villes ne fait pas confiance à cette clé pour publier un avis de type { $kind }.
cli-notices-published-refused = Le flux que le serveur détient pour cette clé ne passe pas la vérification : il est donc remplacé
cli-notices-none = Le serveur ne publie aucun avis.
cli-notices-feed-refused = Refusé : les applications n'affichent rien de ce flux
