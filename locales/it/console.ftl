## The back-office console (city staff)
console-title = Homeward · Back office
console-sign-in = Accesso del personale
console-sign-out = Esci
console-username = Nome utente
console-password = Password
console-applications = Pratiche
console-filter-status = Stato
console-filter-any = Tutti
console-filter-guide = Codice del servizio
console-filter-apply = Filtra
console-col-reference = Riferimento
console-col-service = Servizio
console-col-status = Stato
console-col-department = Ufficio
console-col-updated = Ultima modifica
console-none = Nessuna pratica corrisponde.
console-next-page = Pagina successiva
console-back = Torna alle pratiche
console-revision = { $revision ->
    [0] Primo invio
   *[other] Integrazione n. { $revision }
}
console-signature-verified = Firma del dispositivo verificata
console-signature-failed = La firma del dispositivo non è valida
console-identity = Identità:
console-identity-self-asserted = Non verificata (dichiarata dal richiedente)
console-proven-person = Le prove d'identità riguardano questa persona; le confronti con le risposte qui sotto:
console-device-key = Chiave del dispositivo
console-materials = Documenti
console-no-materials = Nessun documento allegato.
console-decide = Decisione
console-decision-status = Nuovo stato
console-decision-message = Messaggio al richiedente, con parole sue (gli viene mostrato come parole del funzionario)
console-decision-submit = Salva la decisione
console-route = Assegna a un ufficio
console-route-department = Ufficio
console-route-submit = Assegna
console-timeline = Cronologia
console-event-routed = Assegnata a { $department }
console-event-access = { $staff } ha aperto la pratica
console-event-message-person = Il richiedente ha scritto{ $documents ->
    [0] {""}
    [one] , con un documento
   *[other] , con { $documents } documenti
}
console-event-message-office = { $staff } ha scritto al richiedente{ $documents ->
    [0] {""}
    [one] , con un documento
   *[other] , con { $documents } documenti
}
console-conversation = Messaggi
console-conversation-back = Torna alla pratica
console-conversation-intro = Messaggi tra il richiedente e l'ufficio. La sua consultazione di questa pagina viene annotata nel registro degli accessi, e il richiedente può vederla.
console-conversation-none = Ancora nessun messaggio.
console-conversation-open = Messaggi ({ $count ->
    [one] 1 messaggio
   *[other] { $count } messaggi
})
console-conversation-waiting = In attesa di risposta
console-speaker-person = Il richiedente
console-speaker-office = { $staff } (ufficio)
console-document-size = { $kilobytes } KB
console-reply = Scrivere al richiedente
console-reply-text = Messaggio
console-reply-document = Documento (un esito, una ricevuta, un promemoria di appuntamento)
console-reply-document-hint = PDF, JPEG o PNG, massimo { $megabytes } MB. L'app del richiedente lo conserva e può salvarlo.
console-reply-submit = Invia
console-error-title = Non è stato possibile eseguire l'operazione
console-letters = Verifica di una delega
console-letters-intro = Scansioni il codice QR sulla delega, oppure digiti o incolli il testo stampato sotto di esso.
console-letter-token = Testo sotto il codice QR
console-letter-check = Verifica la delega
console-letter-valid = Valida: il familiare può agire per la persona per questi servizi.
console-letter-revoked = Revocata dalla persona: non la accetti.
console-letter-expired = Scaduta: non la accetti.
console-letter-not-yet-valid = Non ancora valida: non la accetti.
console-letter-unknown-signer = Non è firmata da un dispositivo noto alla città, oppure la chiave del dispositivo è stata revocata: non la accetti.
console-letter-identity-not-proven = L'identità della persona non è mai stata dimostrata di persona o in video per questa delega, oppure la prova non corrisponde alla persona indicata: chiunque potrebbe averla scritta. Non la accetti.
console-letter-too-long = Dura più di un anno, cosa non ammessa per nessuna delega: non la accetti.
console-letter-not-entrustable = Indica un servizio che non si può delegare a un familiare: non la accetti.
console-letter-tampered = Danneggiata o modificata: non la accetti.
console-letter-principal = Delegante
console-letter-agent = Familiare delegato
console-letter-services = Servizi
console-letter-validity = Validità
console-proofing = Verifica dell'identità in video
console-proofing-intro = Persone che hanno chiesto di essere verificate in video. Le chiami, confronti la persona e il suo passaporto o la sua carta d'identità con i dati qui sotto, poi attesti.
console-proofing-none = Nessuno è in attesa.
console-proofing-requested = Richiesta il
console-proofing-contact = Contatto:
console-proofing-call = Verifica in video
console-proofing-level = Che cosa ha fatto
console-proofing-confirm = Ho visto la persona in video, e la persona e il suo documento corrispondono a questi dati.
console-proofing-attest = Attesta
console-proofing-done = Attestato da { $officer } il { $time }. L'app della persona lo riceve al prossimo controllo degli aggiornamenti.
console-revoke-device = Revoca la chiave di questo dispositivo
console-revoke-device-body = Per un telefono smarrito o rubato, su richiesta della persona: da ora la città rifiuta tutto ciò che questa chiave firma, e le deleghe firmate con essa non sono più valide. La persona dimostra di nuovo la propria identità sul nuovo dispositivo.
console-revoke-device-confirm = La persona lo ha chiesto, e ho verificato chi è.
console-proofing-decline = Chiudi senza confermare
console-proofing-decline-body = Se non è riuscito a raggiungere la persona, oppure la persona o il suo documento non corrispondevano a questi dati. La sua app la avvisa; potrà chiedere di nuovo o rivolgersi a un punto di assistenza.
console-proofing-declined = Chiusa senza conferma da { $officer } il { $time }. L'app della persona la avvisa.
console-scope = Vede le pratiche assegnate a { $department }.
console-accounts = Account del personale
console-account-role = Ruolo
console-account-state = Stato
console-account-you = Il suo account
console-account-disabled = Disattivato il { $time }
console-account-disable = Disattiva
console-account-disable-confirm = Disconnetti subito ovunque
console-account-add = Aggiungi un account
console-account-password-hint = Almeno 12 caratteri. La consegni alla persona di persona, mai per e-mail.
console-account-department-hint = Per un istruttore: vede solo le pratiche assegnate a questo ufficio. Lasci vuoto per chi riceve e assegna tutte le pratiche.
console-role-reviewer = Istruttore
console-role-officer = Funzionario (verifica anche le identità in video)
console-role-administrator = Amministratore (gestisce anche account e chiavi)
console-access-log = Registro degli accessi
console-access-log-intro = Ogni apertura di una pratica, lettura dei suoi messaggi, download di un documento, consultazione di una richiesta di verifica dell'identità e verifica di una delega, e ogni modifica ad account e chiavi, con chi l'ha fatta. Le persone vedono nella loro app le voci che le riguardano, con il ruolo e l'ufficio ma non il nome.
console-access-none = Ancora nessuna voce registrata.
console-access-when = Quando
console-access-action = Che cosa
console-access-about = Riguardo a
console-access-older = Voci precedenti
console-access-opened-application = Ha aperto la pratica
console-access-downloaded-document = Ha scaricato un documento
console-access-read-conversation = Ha letto i messaggi
console-access-viewed-proofing-request = Ha consultato una richiesta di verifica dell'identità
console-access-checked-letter = Ha verificato una delega
console-access-revoked-device = Ha revocato la chiave di un dispositivo
console-access-added-account = Ha aggiunto un account
console-access-disabled-account = Ha disattivato un account
console-access-added-site = Ha registrato un punto di assistenza
console-access-revoked-signer = Ha revocato una chiave di firma
console-queue-earlier = Richieste precedenti
console-queue-later = Richieste successive

console-sites = Punti di assistenza
console-sites-intro = Ogni punto di assistenza con una chiave registrata, e l'aiuto dato dai suoi volontari: i visitatori che hanno inviato almeno una pratica dal portatile del punto, e le pratiche inviate. Solo conteggi; nulla sulle persone assistite.
console-sites-none = Nessun punto di assistenza è ancora registrato.
console-site-name = Punto
console-site-standing = Chiave
console-site-helped = Visitatori assistiti
console-site-sent = Pratiche inviate
console-site-registered = registrata il { $when }
console-site-revoked = revocata il { $when }
console-assisted = Inviata dalla sessione di un visitatore presso il punto di assistenza
console-assisted-volunteer = con l'aiuto del volontario

track-app = Homeward
track-title = A che punto sono le sue pratiche
track-intro = Digiti il codice di tracciamento e il codice segreto stampati sulla ricevuta che le ha dato un punto di assistenza. Vedrà il riferimento e lo stato di ogni pratica, nient'altro.
track-code = Codice di tracciamento
track-secret = Codice segreto
track-submit = Cerca
track-malformed = Digiti gli 8 caratteri del codice di tracciamento e i 16 del codice segreto, come sono stampati sulla ricevuta.
track-unknown = Nessuna ricevuta ha questo codice di tracciamento e questo codice segreto, oppure la ricevuta è scaduta. Confronti ciò che ha digitato con la ricevuta.
track-too-many = Nell'ultima ora sono state cercate troppe ricevute da qui. Riprovi più tardi.
track-claimed = Queste pratiche sono state trasferite nell'app Homeward su un telefono; le segua lì.
track-reference = Riferimento
track-service = Servizio
track-status = Stato
track-updated = Ultima modifica (ora di Pechino)
track-answer-at-site = Se la città chiede altri documenti, porti questa ricevuta a un punto di assistenza: un volontario può aiutarla a rispondere.

console-request = Richiesta di documenti
console-request-hint = Spunti i documenti da inviare di nuovo e indichi il motivo: il richiedente legge la richiesta nella propria lingua. Se serve, aggiunga qui sotto parole sue.
console-request-reason = Motivo
console-request-reason-none = Nessuna richiesta (la spieghi a parole)
console-event-request = ha chiesto: { $documents } ({ $reason })
