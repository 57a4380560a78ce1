## The back-office console (city staff)
console-title = Homeward · Console de gestion
console-sign-in = Connexion du personnel
console-sign-out = Se déconnecter
console-username = Nom d'utilisateur
console-password = Mot de passe
console-applications = Demandes
console-filter-status = État
console-filter-any = Tous
console-filter-guide = Identifiant de la démarche
console-filter-apply = Filtrer
console-col-reference = Référence
console-col-service = Démarche
console-col-status = État
console-col-department = Service
console-col-updated = Dernière modification
console-none = Aucune demande ne correspond.
console-next-page = Page suivante
console-back = Retour aux demandes
console-revision = { $revision ->
    [0] Premier dépôt
   *[other] Complément n° { $revision }
}
console-signature-verified = Signature de l'appareil vérifiée
console-signature-failed = La signature de l'appareil n'est pas valide
console-identity = Identité :
console-identity-self-asserted = Non vérifiée (déclaration du demandeur)
console-proven-person = Les preuves d'identité concernent cette personne ; comparez avec les réponses ci-dessous :
console-device-key = Clé de l'appareil
console-materials = Documents
console-no-materials = Aucun document joint.
console-decide = Statuer
console-decision-status = Nouvel état
console-decision-message = Message au demandeur, avec vos propres mots (il le verra comme les mots de l'agent)
console-decision-submit = Enregistrer la décision
console-route = Transmettre à un service
console-route-department = Service
console-route-submit = Transmettre
console-timeline = Historique
console-event-routed = Transmise à : { $department }
console-event-access = { $staff } a ouvert la demande
console-event-message-person = Le demandeur a écrit{ $documents ->
    [0] {""}
    [one] , avec un document
   *[other] , avec { $documents } documents
}
console-event-message-office = { $staff } a écrit au demandeur{ $documents ->
    [0] {""}
    [one] , avec un document
   *[other] , avec { $documents } documents
}
console-conversation = Messages
console-conversation-back = Retour à la demande
console-conversation-intro = Messages entre le demandeur et le service. Votre consultation de cette page est inscrite au journal des accès, et le demandeur peut la voir.
console-conversation-none = Aucun message pour le moment.
console-conversation-open = Messages ({ $count ->
    [one] { $count } message
   *[other] { $count } messages
})
console-conversation-waiting = En attente de réponse
console-speaker-person = Le demandeur
console-speaker-office = { $staff } (service)
console-document-size = { $kilobytes } Ko
console-reply = Écrire au demandeur
console-reply-text = Message
console-reply-document = Document (un résultat, un récépissé, une convocation)
console-reply-document-hint = PDF, JPEG ou PNG, { $megabytes } Mo au plus. L'application du demandeur le conserve et peut l'enregistrer.
console-reply-submit = Envoyer
console-error-title = L'opération n'a pas pu être effectuée
console-letters = Vérifier une procuration
console-letters-intro = Scannez le code QR de la procuration, ou saisissez ou collez le texte imprimé dessous.
console-letter-token = Texte sous le code QR
console-letter-check = Vérifier la procuration
console-letter-valid = Valide : le proche peut agir pour la personne dans ces démarches.
console-letter-revoked = Révoquée par la personne : ne l'acceptez pas.
console-letter-expired = Expirée : ne l'acceptez pas.
console-letter-not-yet-valid = Pas encore valable : ne l'acceptez pas.
console-letter-unknown-signer = Pas signée par un appareil connu de la ville, ou la clé de l'appareil a été révoquée : ne l'acceptez pas.
console-letter-identity-not-proven = L'identité de la personne n'a jamais été prouvée en personne ou par vidéo pour cette procuration, ou la preuve ne correspond pas à la personne nommée : n'importe qui a pu l'écrire. Ne l'acceptez pas.
console-letter-too-long = Dépasse un an, ce qu'aucune procuration ne peut faire : ne l'acceptez pas.
console-letter-not-entrustable = Mentionne une démarche qui ne peut pas être confiée à un proche : ne l'acceptez pas.
console-letter-tampered = Endommagée ou modifiée : ne l'acceptez pas.
console-letter-principal = Mandant
console-letter-agent = Proche mandaté
console-letter-services = Démarches
console-letter-validity = Validité
console-proofing = Vérification d'identité par vidéo
console-proofing-intro = Personnes ayant demandé une vérification par vidéo. Appelez-les, comparez la personne et son passeport ou sa carte d'identité avec les informations ci-dessous, puis attestez.
console-proofing-none = Personne n'attend.
console-proofing-requested = Demandé le
console-proofing-contact = Contact :
console-proofing-call = Vérifier par vidéo
console-proofing-level = Ce que vous avez fait
console-proofing-confirm = J'ai vu la personne en vidéo ; elle et son document correspondent à ces informations.
console-proofing-attest = Attester
console-proofing-done = Attesté par { $officer } le { $time }. L'application de la personne le reçoit à sa prochaine recherche de nouvelles.
console-revoke-device = Révoquer la clé de cet appareil
console-revoke-device-body = Pour un téléphone perdu ou volé, à la demande de la personne : la ville refuse désormais tout ce que cette clé signe, et ses procurations ne sont plus valables. La personne prouve de nouveau son identité sur son nouvel appareil.
console-revoke-device-confirm = La personne l'a demandé, et j'ai vérifié son identité.
console-proofing-decline = Clore sans confirmer
console-proofing-decline-body = Si vous n'avez pas pu joindre la personne, ou si elle ou son document ne correspondaient pas à ces informations. Son application l'en informe, et elle peut refaire une demande ou se rendre dans un point de liaison.
console-proofing-declined = Clos sans confirmation par { $officer } le { $time }. L'application de la personne l'en informe.
console-scope = Vous voyez les demandes transmises à : { $department }.
console-accounts = Comptes du personnel
console-account-role = Rôle
console-account-state = État
console-account-you = Votre compte
console-account-disabled = Désactivé le { $time }
console-account-disable = Désactiver
console-account-disable-confirm = Le déconnecter partout dès maintenant
console-account-add = Ajouter un compte
console-account-password-hint = Au moins 12 caractères. Remettez-le à la personne en main propre, jamais par e-mail.
console-account-department-hint = Pour un instructeur : il ne voit que les demandes transmises à ce service. Laissez vide pour une personne qui reçoit et répartit toutes les demandes.
console-role-reviewer = Instructeur
console-role-officer = Agent (vérifie aussi les identités par vidéo)
console-role-administrator = Administrateur (gère aussi les comptes et les clés)
console-access-log = Journal des accès
console-access-log-intro = Chaque ouverture d'une demande, lecture de ses messages, téléchargement de document, consultation d'une demande de vérification d'identité et vérification de procuration, et chaque modification des comptes et des clés, avec son auteur. Les personnes voient dans leur application les entrées qui les concernent, avec le rôle et le service, mais pas le nom.
console-access-none = Rien n'a encore été enregistré.
console-access-when = Quand
console-access-action = Quoi
console-access-about = Concernant
console-access-older = Entrées plus anciennes
console-access-opened-application = A ouvert la demande
console-access-downloaded-document = A téléchargé un document
console-access-read-conversation = A lu les messages
console-access-viewed-proofing-request = A consulté une demande de vérification d'identité
console-access-checked-letter = A vérifié une procuration
console-access-revoked-device = A révoqué la clé d'un appareil
console-access-added-account = A ajouté un compte
console-access-disabled-account = A désactivé un compte
console-access-added-site = A enregistré un point de liaison
console-access-revoked-signer = A révoqué une clé de signature
console-queue-earlier = Demandes précédentes
console-queue-later = Demandes suivantes

console-sites = Points de liaison
console-sites-intro = Chaque point de liaison dont la clé est enregistrée, et l'aide apportée par ses bénévoles : les visiteurs qui ont envoyé au moins une demande depuis l'ordinateur du point de liaison, et les demandes envoyées. Des chiffres uniquement ; rien sur les personnes aidées.
console-sites-none = Aucun point de liaison n'est encore enregistré.
console-site-name = Point de liaison
console-site-standing = Clé
console-site-helped = Visiteurs aidés
console-site-sent = Demandes envoyées
console-site-registered = enregistrée le { $when }
console-site-revoked = révoquée le { $when }
console-assisted = Envoyée depuis la session d'un visiteur au point de liaison
console-assisted-volunteer = avec l'aide du bénévole

track-app = Homeward
track-title = Où en sont vos demandes
track-intro = Saisissez le code de suivi et le code secret imprimés sur le reçu que vous a remis un point de liaison. Vous voyez la référence et l'état de chaque demande, rien d'autre.
track-code = Code de suivi
track-secret = Code secret
track-submit = Rechercher
track-malformed = Saisissez les 8 caractères du code de suivi et les 16 du code secret, tels qu'ils sont imprimés sur le reçu.
track-unknown = Aucun reçu ne correspond à ce code de suivi et à ce code secret, ou il a expiré. Comparez ce que vous avez saisi avec le reçu.
track-too-many = Trop de reçus ont été recherchés depuis ici au cours de la dernière heure. Réessayez plus tard.
track-claimed = Ces demandes ont été reprises par l'application Homeward sur un téléphone ; suivez-les là-bas.
track-reference = Référence
track-service = Démarche
track-status = État
track-updated = Dernière modification (heure de Pékin)
track-answer-at-site = Si la ville demande des documents complémentaires, apportez ce reçu dans un point de liaison : un bénévole peut vous aider à répondre.

console-request = Demander des documents
console-request-hint = Cochez les documents à renvoyer et indiquez pourquoi : le demandeur lit la demande dans sa propre langue. Ajoutez vos propres mots ci-dessous si nécessaire.
console-request-reason = Motif
console-request-reason-none = Aucune demande (expliquez par écrit)
console-event-request = a demandé : { $documents } ({ $reason })
