## The app's interface.

app-name = Homeward
nav-home = Torna all'inizio
nav-back = Indietro
language-switch-label = Lingua
loading = Caricamento…

## The connection to the city's server

status-offline = Senza connessione: si usano le guide salvate su questo dispositivo. Ciò che scrive viene salvato qui.
status-online = Connesso
status-update-refused = Connesso. Non è stato possibile verificare le guide più recenti della città, quindi restano in uso quelle verificate su questo dispositivo.
status-checking = Verifica della connessione…
status-retry = Riprova

## When the app cannot start

fatal-title = Homeward non riesce ad aprire i suoi dati
fatal-hint = Non è andato perso nulla. Riavvii l'app; se il problema si ripete, contatti il punto di assistenza più vicino.
fatal-start-again = Ricomincia da capo (i vecchi dati vengono messi da parte)

## Errors, by code

error-invalid-input = Un dato inserito non è nel formato previsto. Lo controlli e riprovi.
error-not-found = Questo elemento non è stato trovato. Forse è stato eliminato.
error-storage = Homeward non riesce a leggere o scrivere i suoi dati su questo dispositivo. Verifichi che ci sia spazio libero, poi riprovi.
error-keyring = Homeward non riesce ad accedere al portachiavi di sistema; i suoi dati restano cifrati. Sblocchi il portachiavi, poi riavvii l'app.
error-keys-missing = Le chiavi che proteggono i suoi dati di Homeward mancano dal portachiavi di questo dispositivo, quindi le sue bozze e le sue pratiche non si possono leggere. Se ha un backup del portachiavi, lo ripristini e riavvii l'app. Altrimenti ricominci da capo: i vecchi dati vengono conservati a parte, cifrati, nel caso le chiavi ricompaiano.
error-no-key-store = Questo dispositivo non ha un posto sicuro per le chiavi di Homeward: l'app non può proteggere i suoi dati e quindi non si avvia. Usi Homeward su un telefono o un computer con un portachiavi di sistema.
error-no-home-city = Scelga prima la sua città d'origine: l'app invia alla città che sceglie.
error-offline = Al momento il server della città non è raggiungibile. Homeward riproverà quando sarà connesso.
error-backend = Al momento il server della città non può gestire questa richiesta. Riprovi più tardi.
error-no-font = Questo dispositivo non ha un carattere per il cinese, quindi non si può creare il PDF. Usi invece «Stampa».
error-unsigned = Questa pratica non ha la firma del suo dispositivo, quindi la città non può sapere che viene da Lei. Aggiorni l'app e la invii di nuovo.
error-bad-signature = Questa pratica è stata modificata durante l'invio e la firma non corrisponde più, quindi è stata rifiutata. La invii di nuovo.
error-replayed = La firma di questa pratica è scaduta. Controlli la data e l'ora del telefono, poi la invii di nuovo.
error-unknown-device = La città non conosce la chiave di questo dispositivo, oppure la chiave è stata ritirata. Verifichi di nuovo la sua identità.
error-idempotency-conflict = Sono state inviate due versioni diverse della stessa pratica, quindi è stata rifiutata. Contatti un punto di assistenza.
error-not-signed-in = Acceda prima, oppure controlli nome utente e password.
error-not-allowed = Questo account non può eseguire questa operazione.
error-conflict = Un'altra persona ha deciso su questa pratica o l'ha assegnata mentre Lei l'aveva aperta, quindi la sua decisione non è stata registrata. La riapra per vedere che cosa è stato fatto, poi decida.
error-material-not-uploaded = Un documento non ha finito di caricarsi; l'app lo carica prima e poi invia di nuovo.
error-consent-required = Prima di inviare, acconsenta al trattamento dei suoi dati sensibili e al loro invio in Cina.
error-too-many-attempts = Troppi accessi non riusciti per questo nome. Riprovi tra 15 minuti.
error-desk-locked = La postazione è bloccata. Un volontario deve aprirla con il proprio PIN.
error-attestation-tampered = La conferma d'identità è danneggiata o è stata modificata dopo la firma. Ne chieda una nuova.
error-unknown-signer = La conferma d'identità è stata firmata da un punto di assistenza o da un funzionario che la città non conosce.
error-revoked-signer = Il punto di assistenza o il funzionario che ha confermato la sua identità non è più riconosciuto dalla città. Faccia confermare di nuovo la sua identità.
error-attestation-other-device = La conferma d'identità è stata fatta per un altro dispositivo. Confermi la sua identità su questo dispositivo.
error-attestation-expired = La conferma d'identità è scaduta. Faccia confermare di nuovo la sua identità.
error-attestation-other-person = La conferma d'identità riguarda una persona diversa da quella a cui si riferisce questa pratica. Controlli i suoi dati, oppure faccia confermare di nuovo la sua identità.
error-revision-other-service = Questo aggiornamento indica un servizio diverso da quello della pratica a cui appartiene, quindi è stato rifiutato. Per l'altro servizio inizi una nuova pratica.
error-identity-level-too-low = Questo servizio richiede una prova più forte della sua identità. Veda in «La mia identità» come ottenerla.
error-device-revoked = La chiave di questo dispositivo è stata ritirata, come si fa per un telefono smarrito: la città non accetta nulla di ciò che firma. Cancelli i dati dell'app in «I miei dati e la privacy», la configuri di nuovo e verifichi ancora la sua identità.
error-too-large = È più grande di quanto il server della città accetta. Alleghi un documento più piccolo, o meno documenti alla volta.
error-timed-out = La connessione era troppo lenta per finire in tempo. L'app riprova da sola.
error-quota-exceeded = Per ora ha inviato tutto ciò che il server della città accetta da un solo telefono. L'app riprova più tardi da sola.
error-insufficient-storage = Il server della città ha poco spazio e per ora non accetta nuovi documenti. L'app riprova più tardi da sola.
error-internal = Si è verificato un errore imprevisto. I suoi dati non sono andati persi. Riavvii l'app.

## Home

home-title = Le pratiche di casa, sbrigate dall'estero
home-lead = Le guide ai servizi di { $city } per chi vive all'estero, consultabili anche senza connessione. Ognuna dice se serve un viaggio in Cina, e quanti.
home-drafts-title = Le sue pratiche
home-drafts-more = Mostra altre pratiche
draft-answered = { $count ->
    [one] 1 risposta
   *[other] { $count } risposte
}
draft-updated = aggiornata il { $when }
catalogue-version = Catalogo delle guide, versione { $version } · { $date }

## Categories

category-household-registration = Registrazione familiare (hukou, 户籍)
category-identity-card = Carta d'identità di residente (居民身份证)
category-entry-exit = Ingresso e uscita dalla Cina
category-driving-vehicles = Patenti e veicoli
category-real-estate = Immobili
category-notarisation = Atti notarili e legalizzazioni
category-social-insurance = Previdenza sociale e pensioni
category-medical-insurance = Assicurazione sanitaria
category-housing-fund = Fondo di previdenza per la casa (住房公积金)
category-civil-affairs = Affari civili e matrimonio
category-tax = Tasse
category-overseas-chinese = Affari dei cinesi d'oltremare
category-education = Istruzione
category-legal-services = Servizi legali
category-consultation = Informazioni e petizioni

## Badges

badge-no-trip = Nessun viaggio necessario
badge-one-trip = Al massimo un viaggio
badge-entrustable = Può farlo un familiare per Lei

## A guide

guide-start = Inizia una pratica
guide-your-drafts = Le sue pratiche non ancora inviate
guide-time-limit = Tempi
guide-time-limit-same-day = Subito, allo sportello
guide-time-limit-days = { $days ->
    [one] 1 giorno lavorativo
   *[other] { $days } giorni lavorativi
}
guide-fees = Costi
guide-department = Ufficio competente
guide-channels = Come presentare la domanda
guide-who = Chi può presentarla
guide-conditions = Requisiti
guide-materials = Che cosa serve
guide-steps = Come funziona
guide-entrust = Farlo fare a un familiare
guide-entrust-lead = Un familiare in Cina può occuparsi per Lei del passaggio allo sportello. Deve portare:
guide-legal-basis = Base giuridica
guide-reviewed = Versione { $version }, verificata il { $date }
guide-translation-note = Tradotto dal cinese per sua comodità. Fa fede il testo cinese, quello che l'ufficio applica; i nomi ufficiali di documenti e uffici sono indicati in cinese accanto alla traduzione.
material-original = originale
material-copy = copia
material-original-or-copy = originale o copia
material-count = × { $count }
channel-online = Tutto online
channel-liaison-site = Con un punto di assistenza all'estero
channel-counter-in-china = A uno sportello in Cina (delegabile)

## Filling in an application

draft-eyebrow = Bozza di pratica · { $city }
draft-autosave-hint = Ogni risposta viene salvata mentre scrive.
draft-saving = Salvataggio…
draft-saved = Salvata su questo dispositivo
draft-save-failed = Salvataggio non riuscito. Riprovi.
field-choose = Scelga
field-yes = Sì
field-no = No
field-optional = (facoltativo)

## Search

search-label = Cerca tra i servizi
search-placeholder = Cerca: patente, hukou, certificato di esistenza in vita…
search-results = { $count ->
    [one] 1 servizio trovato
   *[other] { $count } servizi trovati
}
search-none = Nessun risultato. Provi con altre parole, oppure chieda a una linea di aiuto.
search-clear = Cancella la ricerca
search-ask = Vedi le linee di aiuto
home-categories = Categorie

## Help and liaison sites

nav-help = Aiuto
contacts-title = Linee di aiuto e punti di assistenza
contacts-lead = Non sa che cosa fare? Telefoni, oppure vada al punto di assistenza più vicino, dove dei volontari la aiutano di persona.
contacts-help-lines = Linee di aiuto
contacts-sites = Punti di assistenza all'estero
contacts-call = Chiama
contacts-write = Scrivi un'e-mail
contacts-address = Indirizzo
contacts-hours = Orari di apertura
contacts-languages = Lingue

## Materials checklist

materials-progress = { $done } su { $total } pronti (le spunte restano solo su questo dispositivo)
material-conditional = solo per alcuni richiedenti
material-alternatives = Si accetta anche:
guide-time-limit-calendar-days = { $days ->
    [one] 1 giorno
   *[other] { $days } giorni
}

## Checking and managing applications

summary-title = C'è un problema
draft-check = Controlla le mie risposte
draft-ready-title = La sua pratica è completa
draft-ready-body = Ha risposto a tutte le domande obbligatorie e ogni risposta è valida. Potrà inviarla all'ufficio quando sarà connesso.
draft-duplicate = Crea una copia
draft-delete = Elimina questa pratica
draft-delete-confirm-title = Eliminare questa pratica?
draft-delete-confirm-body = Le sue risposte verranno cancellate da questo dispositivo. L'operazione non si può annullare.
draft-delete-confirm = Elimina
draft-delete-keep = Conserva
field-date-placeholder = anno-mese-giorno, ad esempio 1985-06-15
draft-progress = { $done } su { $total } completate
status-not-started = Non iniziata
status-in-progress = In corso
status-needs-attention = Da controllare
status-complete = Completa

## Attaching documents

material-add = Scatta una foto o scegli un file
material-adding = Preparazione…
material-camera = Scatta una foto
material-add-failed = Questo file non si può usare. Scelga una foto (JPEG, PNG o WebP) o un PDF di al massimo 30 MB.
material-remove = Rimuovi

## Check your answers

answers-eyebrow = Controllo delle risposte · { $city }
answers-none = Nessuna risposta
answers-change = Modifica
answers-print = Stampa
draft-review-all = Vedi tutte le risposte
summary-item = { $label }: { $problem }
draft-catalogue-changed = La guida è stata aggiornata dopo che ha iniziato. { $changed ->
    [0] {""}
    [one] 1 domanda è cambiata: controlli la risposta segnalata.
   *[other] { $changed } domande sono cambiate: controlli le risposte segnalate.
} { $removed ->
    [0] {""}
    [one] 1 risposta a una domanda non più prevista resta su questo dispositivo e non verrà inviata.
   *[other] { $removed } risposte a domande non più previste restano su questo dispositivo e non verranno inviate.
}
draft-question-changed = Questa domanda è cambiata dopo che ha iniziato. Controlli la sua risposta.

## The printable application (PDF)
pdf-eyebrow = Domanda
pdf-not-answered = Nessuna risposta
pdf-attached = { $count ->
    [one] { $count } documento allegato
   *[other] { $count } documenti allegati
}
pdf-status = Stato
pdf-status-complete = Completa
pdf-status-incomplete = Non completa: { $count ->
    [one] { $count } risposta da controllare
   *[other] { $count } risposte da controllare
}
pdf-department = Ufficio
pdf-reference = Riferimento
pdf-generated = Creata il
pdf-incomplete-note = Questa domanda non è ancora completa. Potrà essere inviata quando ogni risposta segnata «Da controllare» sarà sistemata.
pdf-needs-attention = Da controllare
pdf-declaration = Dichiaro che le risposte e i documenti allegati sono veri, esatti e completi.
pdf-signature = Firma del richiedente
pdf-date = Data
pdf-page = Pagina { $page } di { $pages }
answers-pdf = Crea un PDF
answers-pdf-working = Creazione del PDF…
answers-pdf-saved = PDF salvato in { $path }
answers-pdf-open = Apri il PDF

## Sending and the outbox
nav-outbox = Inviate
send-application = Invia alla città
send-consent-title = Inviare questa pratica?
send-consent-body = Le sue risposte e l'elenco dei suoi documenti passano dal server di { $city } a { $department }, firmati con la chiave di questo dispositivo per dimostrare che vengono da Lei.
send-consent-offline = Senza connessione la pratica resta in attesa su questo dispositivo, tra quelle da inviare, e parte una sola volta, appena è connesso.
send-confirm = Invia ora
send-cancel = Non ancora
outbox-title = Pratiche inviate
outbox-intro = Ciò che ha inviato e se è arrivato. Senza connessione le pratiche restano su questo dispositivo e partono appena è connesso.
outbox-empty = Non ha ancora inviato nessuna pratica.
outbox-waiting = In attesa di invio
outbox-sending = Invio in corso
outbox-set-aside = Non consegnata
outbox-delivered = Consegnata
outbox-waiting-first = Salvata su questo dispositivo; parte appena è connesso.
outbox-waiting-next = { $attempts ->
    [one] Un tentativo fatto; il prossimo il { $time }.
   *[other] { $attempts } tentativi fatti; il prossimo il { $time }.
}
outbox-retry = Invia di nuovo
outbox-reference = Riferimento
outbox-received-at = Ricevuta dalla città il { $time }
outbox-progress = Inviati { $sent } KB su { $total }

## Where an application stands at the city
application-status-received = Ricevuta
application-status-in-review = In esame
application-status-more-material-needed = Servono altri documenti
application-status-approved = Approvata
application-status-rejected = Respinta
application-status-completed = Conclusa
outbox-add-material = Aggiungi i documenti e invia di nuovo
outbox-send = { $revision ->
    [0] Primo invio
   *[other] Integrazione n. { $revision }
}
outbox-timeline = Che cosa è successo (comprese tutte le volte che il personale l'ha aperta)
outbox-event-routed = Trasmessa a { $department }
outbox-event-access = { $role ->
        [administrator] Un amministratore
        [officer] Un funzionario
       *[reviewer] Un istruttore
    } della città ha aperto la sua pratica
outbox-event-access-department = { $role ->
        [administrator] Un amministratore
        [officer] Un funzionario
       *[reviewer] Un istruttore
    } di { $department } ha aperto la sua pratica
send-revision = Invia l'integrazione

## My details and privacy
privacy-link = I miei dati e la privacy
privacy-title = I miei dati e la privacy
privacy-intro = I suoi dati restano nel database cifrato di questo dispositivo e vanno alla città solo quando invia una pratica. Può esportarli o cancellarli tutti in qualsiasi momento.
profile-title = I suoi dati
profile-why = Usati solo per i servizi che sceglie e per verificare di persona la sua identità.
profile-name-han = Nome in caratteri cinesi
profile-name-han-hint = Come sulla carta d'identità di residente (居民身份证) o sul libretto di registrazione familiare (户口簿); si possono inserire anche caratteri rari
profile-name-pinyin = Nome in pinyin
profile-name-pinyin-hint = Come sul passaporto, ad esempio WANG XIAOMING
profile-birth-date = Data di nascita
profile-id-number = Numero della carta d'identità di residente (居民身份证)
profile-id-number-hint = Se ce l'ha; indichi almeno questo numero o quello del passaporto
profile-passport = Numero del passaporto
profile-passport-hint = Ad esempio E12345678
profile-save = Salva
profile-saved = Salvati su questo dispositivo
consents-title = Consensi
consents-intro = Ciascuno si dà separatamente e si può ritirare in qualsiasi momento. Senza di essi non si possono inviare nuove pratiche; quelle già inviate non cambiano.
consent-sensitive-data = Dati personali sensibili
consent-sensitive-data-body = Acconsento al trattamento dei numeri dei miei documenti d'identità e delle foto dei miei documenti per i servizi che scelgo, ai sensi degli artt. 28 e 29 della Legge sulla protezione delle informazioni personali (个人信息保护法).
consent-cross-border = Invio in Cina
consent-cross-border-body = Acconsento all'invio dei dati personali delle mie pratiche dal Paese in cui vivo agli uffici della città d'origine a cui è destinata ciascuna pratica, ai sensi degli artt. 38 e 39 della Legge sulla protezione delle informazioni personali (个人信息保护法) e del GDPR.
consent-given-at = Dato il { $time }
consent-withdrawn-at = Ritirato il { $time }
consent-not-given = Non dato
consent-give = Do il consenso
consent-withdraw = Ritiro il consenso
access-title = Chi della città ha letto i miei dati
access-body = La città registra ogni volta che un membro del personale apre la sua pratica, scarica uno dei suoi documenti, legge la sua richiesta di verifica dell'identità o controlla una delega firmata da Lei. Qui vede ogni accesso, con il ruolo e l'ufficio. Per chiederlo si invia soltanto la firma di questo dispositivo.
access-show = Mostra
access-refresh = Mostra di nuovo
access-none = Nessuno della città ha letto i suoi dati.
access-older = Mostra gli accessi precedenti
access-entry = { $by } { $action }
access-by = { $role ->
        [administrator] Un amministratore
        [officer] Un funzionario
       *[reviewer] Un istruttore
    }
access-by-department = { $role ->
        [administrator] Un amministratore
        [officer] Un funzionario
       *[reviewer] Un istruttore
    } di { $department }
access-action-opened-application = ha aperto la sua pratica { $reference }
access-action-downloaded-document = ha scaricato un documento della sua pratica { $reference }
access-action-read-conversation = ha letto i messaggi della sua pratica { $reference }
access-action-viewed-proofing-request = ha letto la sua richiesta di verifica dell'identità, con i suoi dati
access-action-checked-letter = ha controllato una delega firmata da Lei
access-action-revoked-device = ha ritirato la chiave di questo dispositivo
access-action-other = ha modificato account o chiavi della città
export-title = Esporta tutti i miei dati
export-body = Tutto ciò che l'app conserva su di Lei (dati, consensi, bozze, documenti, ciò che ha inviato e le ricevute) viene salvato nella cartella dei download.
export-button = Esporta
export-done = Esportati in { $path }
erase-title = Cancella tutti i miei dati
erase-body = Rimuove da questo dispositivo tutte le bozze, i documenti, i dati, i consensi e le chiavi. Le pratiche già inviate alla città non cambiano. L'operazione non si può annullare.
erase-confirm = Cancellare tutto su questo dispositivo? Subito dopo l'app si chiude.
erase-button = Cancella tutti i miei dati
erase-done = Cancellato. L'app si sta chiudendo.

## My identity and site mode
identity-link = La mia identità
identity-title = La mia identità
identity-level-now = Livello di verifica della sua identità
level-self-asserted = Non verificata (solo sulla sua parola)
level-documents-reviewed = Documenti esaminati a distanza
level-onsite-attended = Verificata di persona in un punto di assistenza
level-remote-attended = Verificata in video da un funzionario
level-self-asserted-means = Basta per richieste di informazioni e certificati che la riguardano. La maggior parte dei servizi richiede di più.
level-documents-reviewed-means = Basta per i servizi che richiedono il controllo dei documenti, ma non per quelli in cui bisogna vederla di persona.
level-onsite-attended-means = Basta per tutti i servizi del catalogo.
level-remote-attended-means = Basta per tutti i servizi del catalogo.
identity-in-person = Verifica di persona in un punto di assistenza
identity-in-person-body = Porti il passaporto o la carta d'identità di residente (居民身份证) a un punto di assistenza. Mostri al volontario il codice qui sotto: controllerà di persona i suoi documenti e le darà una conferma. Nessuno dei due dispositivi ha bisogno di connessione.
identity-profile-needed = Compili prima i suoi dati (nome, data di nascita e un numero di documento): il codice li contiene, così il volontario può confrontarli con i suoi documenti.
identity-show-code = Mostra il mio codice d'identità
identity-code-hint = Faccia scansionare questo codice al volontario, oppure gli copi il testo. Contiene i suoi dati: lo mostri solo al volontario.
qr-image-label = Codice QR
code-text-label = Lo stesso codice, come testo
identity-paste-label = Conferma del volontario
identity-paste-hint = Scansioni il codice del volontario, oppure incolli il testo che le dà.
identity-add = Aggiungi la conferma
identity-added = Conferma aggiunta.
identity-other-ways = Altri modi
identity-way-documents = Se la videochiamata non la mostra chiaramente, il funzionario può comunque confermare i suoi documenti (documenti esaminati): basta per la maggior parte dei servizi, ma non per quelli in cui bisogna vederla di persona o in video.
identity-find-site = Trova un punto di assistenza
identity-attestations = Conferme su questo dispositivo
attestation-by-site = dal punto di assistenza { $site }
attestation-by-officer = dal funzionario { $officer }
attestation-dates = rilasciata il { $issued }, valida fino al { $expires }
attestation-not-current = Non valida ora
document-passport = Passaporto
document-id-card = Carta d'identità di residente (居民身份证)
guide-identity = Identità richiesta
guide-identity-how = Come dimostrarla
site-link = Modalità punto di assistenza (per i volontari)
site-title = Modalità punto di assistenza
site-intro = Per i volontari di un punto di assistenza: leggere il codice d'identità di una persona, controllarne di persona i documenti e firmare una conferma con la chiave di questo punto. Su questo portatile non resta nulla dei dati della persona.
site-setup = Configura questo portatile per un punto di assistenza
site-id = Codice del punto
site-id-hint = Lettere minuscole, cifre e trattini, come indicato dalla città: ad esempio prato.
site-name = Nome del punto
site-enable = Crea la chiave del punto
site-signing-as = Firma come
site-key-hint = La chiave pubblica di questo punto. La invii all'amministratore della città; le conferme valgono solo dopo che è stata registrata.
site-read = Leggi il codice di una persona
site-read-label = Il codice d'identità della persona
site-read-hint = Scansioni il codice sul telefono della persona, oppure incolli il testo che le dà.
site-read-button = Leggi il codice
site-compare = Confronti con i documenti che ha davanti
site-compare-hint = Ogni dato deve corrispondere al passaporto o alla carta d'identità della persona, e la foto deve essere della persona che ha davanti.
site-documents-checked = Ho controllato
site-face-to-face = La persona è qui di persona e corrisponde alla foto del documento.
site-sign = Firma la conferma
site-signed = Conferma firmata
site-signed-hint = Faccia scansionare questo codice alla persona, oppure le dia il testo. È valida tre anni, solo per il suo dispositivo.
site-next = Persona successiva
site-leave = Esci dalla modalità punto di assistenza
site-leave-body = Distrugge la chiave del punto su questo portatile. La città dovrà registrare una nuova chiave prima che questo portatile possa firmare di nuovo.
site-leave-confirm = Distruggere la chiave di questo punto?
desk-locked-title = La postazione è bloccata
desk-locked-intro = Scelga il suo nome e digiti il suo PIN per aprire la postazione.
desk-volunteer = Volontario
desk-pin = PIN o frase segreta
desk-pin-hint = Almeno 6 caratteri, non tutti uguali. Deve conoscerlo solo Lei.
desk-pin-again = Di nuovo lo stesso PIN
desk-unlock = Apri la postazione
desk-on-duty = In servizio: { $name }
desk-idle-hint = La postazione si blocca da sola dopo { $minutes ->
    [one] un minuto
   *[other] { $minutes } minuti
} di inattività. La blocchi ogni volta che si allontana.
desk-lock-now = Blocca ora
desk-first-title = Registra il primo volontario
desk-first-intro = Ogni volontario di questo punto ha un nome e un PIN o una frase segreta propri. La postazione si apre solo con uno di questi, e ogni conferma firmata qui registra chi l'ha firmata.
desk-add-title = Registra un altro volontario
desk-add-intro = Aprirà la postazione con il proprio nome e il proprio PIN.
desk-volunteer-name = Nome
desk-add-volunteer = Registra il volontario
desk-volunteers = Volontari di questo punto
desk-remove-volunteer = Rimuovi
desk-remove-confirm = Rimuovere questo volontario? Non potrà più aprire la postazione.
desk-log = Registro del punto
desk-log-intro = Quando la postazione è stata aperta e bloccata, da chi, e quante conferme sono state firmate. Qui non si conserva nulla sulle persone assistite.
site-action-volunteer-added = Volontario registrato
site-action-volunteer-removed = Volontario rimosso
site-action-unlocked = Postazione aperta
site-action-locked = Postazione bloccata
site-action-idle-locked = Postazione bloccata per inattività
site-action-pin-refused = PIN errato
site-action-attested = Conferma d'identità firmata
site-action-walk-in-started = Sessione di un visitatore aperta
site-action-walk-in-ended = Sessione di un visitatore chiusa e cancellata
site-action-walk-in-sealed = Sessione di un visitatore sigillata finché la città non la riceve
walk-in-title = Visitatori
walk-in-intro = Assista una persona venuta alla postazione in una sessione tutta sua: i suoi dati, i suoi documenti e le sue pratiche restano separati dal punto e da tutti gli altri, e vengono cancellati alla fine della sessione.
walk-in-start = Nuovo visitatore
walk-in-active = Su questo portatile si sta assistendo un visitatore.
walk-in-back = Torna al visitatore
walk-in-interrupted = Sessioni interrotte quando il portatile si è spento
walk-in-started-at = Iniziata il { $time }
walk-in-resume = Riprendi
walk-in-sealed-count = { $count ->
    [one] Una sessione chiusa è sigillata: viene inviata quando la città è raggiungibile, poi cancellata.
   *[other] { $count } sessioni chiuse sono sigillate: vengono inviate quando la città è raggiungibile, poi cancellate.
}
walk-in-wiped = La sessione è finita. Su questo portatile non ne resta nulla.
walk-in-sealed = La sessione è finita ed è sigillata: nessuno può aprirla. Le sue pratiche vengono inviate quando la città è raggiungibile, poi la sessione viene cancellata.
walk-in-bar = Sessione del visitatore
walk-in-bar-hint = Tutto ciò che è qui appartiene alla persona alla postazione e viene cancellato alla fine della sessione.
walk-in-confirm-identity = Conferma l'identità
walk-in-end = Chiudi la sessione
walk-in-end-confirm = Chiudere questa sessione? Le bozze non inviate vengono eliminate con essa; ciò che è stato inviato viene cancellato appena la città lo riceve.
walk-in-confirm-title = Confermi di persona l'identità di questa persona
walk-in-confirmed = Identità confermata
walk-in-consents = Consensi
walk-in-read-title = Legga questo testo alla persona
walk-in-read-hint = Scelga la lingua che la persona legge meglio, poi legga il testo ad alta voce o lo faccia leggere a lei. Spunti una casella solo quando la persona dice di sì.
walk-in-read-language = Lingua del testo
walk-in-read-intro = Ciò che ci dice oggi resta su questo portatile solo per questa visita, protetto da una chiave apposita. Viene inviato alla città solo quando Lei decide di inviare una pratica, e tutto viene cancellato da questo portatile quando abbiamo finito, appena la città ha ricevuto ciò che Lei ha inviato.
walk-in-read-choice = Può dire di no, o cambiare idea più avanti; senza questi due consensi possiamo comunque aiutarla a leggere le guide, ma non possiamo inviare una pratica.
walk-in-agrees = La persona acconsente

## Entrustment letters
letter-eyebrow = Delega
letter-title = Delega
letter-body = Io sottoscritto/a { $principal }, documento d'identità { $document }, delego { $agent }, carta d'identità di residente (居民身份证) n. { $agent_id }, a svolgere per mio conto:
letter-validity = Valida dal { $from } al { $until } compresi.
letter-number = Delega n. { $id }
letter-proven = L'identità della persona è stata confermata { $level ->
        [onsite-attended] di persona presso il punto di assistenza { $issuer }
       *[remote-attended] in video dal funzionario { $issuer }
    } il { $date }; la verifica conferma che questa prova è autentica e riguarda questa persona.
letter-verify = Per il personale dello sportello: scansionare il codice QR, oppure inserire il testo sottostante su { $url } o nella console di back-office. La delega vale solo se la verifica la dichiara valida; la persona può revocarla in qualsiasi momento.
letter-signed = Firmata elettronicamente con la chiave del dispositivo della persona, registrato presso la città.
letter-principal = Firma del delegante
letters-link = Delega un familiare
letters-title = Delegare un familiare
letters-intro = Con una delega un familiare in Cina può completare per Lei un passaggio allo sportello. L'app la firma con la chiave di questo dispositivo; poi può stamparla o mandare il PDF al suo familiare. Lo sportello scansiona il codice QR per verificarla, e Lei può revocarla in qualsiasi momento.
letters-new = Nuova delega
letters-identity-needed = Prima di poter delegare un familiare, la sua identità deve essere confermata di persona in un punto di assistenza o in video da un funzionario. La delega porta con sé questa conferma, così lo sportello sa che viene davvero da Lei.
letters-agent-name = Nome del suo familiare
letters-agent-name-hint = Come sulla sua carta d'identità di residente (居民身份证).
letters-agent-id = Numero della carta d'identità di residente (居民身份证) del suo familiare
letters-services = I servizi che può svolgere per Lei
letters-valid-until = Valida fino al
letters-valid-until-hint = L'ultimo giorno in cui può agire per Lei, al massimo tra un anno: ad esempio 2027-05-31.
letters-sign = Firma la delega
letters-made = Delega firmata.
letters-yours = Le sue deleghe
letters-to = Per { $agent }
letters-valid-until-at = Valida fino al { $time }
letters-revoked-at = Revocata il { $time }
letters-save-pdf = Salva la delega in PDF
letters-revoke = Revoca
letters-revoke-confirm = Revocare questa delega? Da ora gli sportelli la rifiuteranno.
identity-video = Verifica in video
identity-video-body = Un funzionario della città la chiama in video, vede Lei e il suo passaporto o la sua carta d'identità, e li confronta con i suoi dati. Vale come una visita a un punto di assistenza.
identity-video-contact = Come il funzionario può chiamarla
identity-video-contact-hint = Un numero di telefono con il prefisso internazionale, un ID WeChat o un indirizzo e-mail.
identity-video-ask = Richiedi una videochiamata
identity-video-requested = Richiesta il { $time }. Un funzionario la chiamerà; la conferma arriverà da sola nell'app.
field-error-profile = Compili prima i suoi dati: nome, data di nascita e un numero di documento.
field-error-agent-name = Nome del suo familiare: lo scriva come sulla sua carta d'identità di residente (居民身份证).
field-error-agent-id-number = Numero della carta d'identità del suo familiare: 18 caratteri, come sulla carta; controlli l'ultimo.
field-error-guides = Servizi: scelga almeno un servizio che il suo familiare può svolgere.
field-error-valid-until = Valida fino al: una data tra oggi e un anno da oggi, come 2027-05-31.
field-error-site-id = Codice del punto: solo lettere minuscole, cifre e trattini, come indicato dalla città.
field-error-site-name = Nome del punto: scriva il nome del punto (massimo 100 caratteri).
field-error-contact = Come il funzionario può chiamarla: un numero di telefono, un ID WeChat o un indirizzo e-mail.
field-error-backend-url = Il server di questa città si raggiunge con una connessione non protetta (semplice http://), che permetterebbe a chiunque lungo il percorso di leggere i suoi dati, quindi Homeward non lo usa. L'elenco ufficiale della città e le versioni ufficiali dell'app usano https://.
field-error-home-city = Scelga una delle città elencate. Una volta scelta, la città d'origine resta quella.
field-error-volunteer-name = Scriva il nome del volontario (da 1 a 60 caratteri), diverso da quello di ogni volontario già registrato.
field-error-volunteer = L'ultimo volontario non si può rimuovere: nessuno potrebbe più aprire la postazione.
field-error-new-pin = Un PIN deve avere da 6 a 64 caratteri e non può essere un solo carattere ripetuto.
field-error-new-pin-again = I due PIN sono diversi. Scriva lo stesso PIN due volte.
field-error-pin = Non è il PIN di questo volontario. Dopo cinque tentativi sbagliati il nome viene bloccato per 15 minuti.
field-error-walk-in-active = Su questo portatile si sta assistendo un visitatore. Chiuda prima la sua sessione.
field-error-site-mode = Questo portatile appartiene a un punto di assistenza. Per cancellarlo, un volontario deve prima uscire dalla modalità punto di assistenza alla postazione, cosa che distrugge la chiave del punto.
field-error-proof-request = Questo non è un codice d'identità di Homeward, oppure è incompleto. Lo scansioni o lo incolli di nuovo.
field-error-attestation = Questa conferma riguarda dati diversi da quelli del suo profilo. Ne chieda una nuova al volontario.
field-error-documents = Spunti i documenti che ha controllato.
letters-agent-id-hint = 18 caratteri, come sulla sua carta d'identità di residente (居民身份证).
level-attended-either = Verificata di persona in un punto di assistenza, o in video
guide-identity-have = già raggiunto
field-error-code-image = In questa foto non si legge nessun codice. Avvicini la fotocamera, con tutto il codice inquadrato e a fuoco, oppure incolli il testo.
code-scan = Scansiona con la fotocamera
code-scanning = Lettura del codice…
identity-video-declined = Il funzionario non ha potuto confermare la sua identità in video (nessuna risposta, oppure i dati non corrispondevano al documento). Controlli i suoi dati e chieda di nuovo, oppure vada a un punto di assistenza.
city-title = Qual è la sua città d'origine?
city-lead = Homeward invia le sue pratiche alla città che sceglie, e solo a quella. Finché non sceglie, non viene inviato nulla a nessuno.
city-server = Il suo server:
city-choose = La mia città è { $city }
city-choosing = Scelta in corso…
city-once = Ogni pratica appartiene alla città a cui è destinata e va solo a quella città. Potrà cambiare città più avanti; ciò che ha iniziato resta con la sua città.
city-help-title = In caso di emergenza, chiami subito
connection-title = Il server della sua città
connection-body = Le pratiche vanno a questo indirizzo e le risposte arrivano da lì. Non viene inviato nulla senza una sua azione.
connection-online = Risponde: connesso.
connection-offline = Ora non risponde. Ciò che fa resta su questo dispositivo e viene inviato quando risponde.
connection-unknown = Non ancora verificato.
connection-check = Verifica ora
connection-city = Città d'origine: { $city }, { $region }
connection-fixed = Questo indirizzo è stato impostato all'avvio dell'app, per lo sviluppo e i test.

walk-in-receipt = Ricevuta
receipt-title = La ricevuta della persona
receipt-hint = La stampi, oppure faccia fotografare il codice QR alla persona. Le permette di trasferire le pratiche sul proprio telefono, o di vedere a che punto sono.
receipt-none = In questa sessione non è stato ancora inviato nulla, quindi non c'è una ricevuta da consegnare.
receipt-heading = Ricevuta Homeward
receipt-code = Codice di tracciamento
receipt-secret = Codice segreto
receipt-valid-until = Valida fino al
receipt-not-yet-sent = in attesa di invio
receipt-with-app = Con Homeward sul telefono: apra «Inviate», scelga «Trasferisci da una ricevuta» e legga questo codice QR, oppure scriva il codice di tracciamento e il codice segreto. Da quel momento le pratiche, le risposte della città e le sue richieste arrivano sul suo telefono.
receipt-without-app = Senza l'app: porti questa ricevuta a un punto di assistenza, dove un volontario può vedere a che punto sono le sue pratiche e aiutarla a rispondere alla città.
receipt-keep-secret = Tenga questa ricevuta per sé: chi ha il codice segreto può trasferire le pratiche, una sola volta.
receipt-print = Stampa la ricevuta
take-over-title = Trasferisci da una ricevuta
take-over-intro = Un punto di assistenza ha inviato pratiche per Lei e le ha dato una ricevuta? Le trasferisca su questo dispositivo: le risposte e le richieste della città arriveranno qui.
take-over-code = Codice di tracciamento
take-over-secret = Codice segreto
take-over-scan-hint = Oppure legga il codice QR da una foto della ricevuta.
take-over-submit = Trasferisci le pratiche
take-over-look = Vedi solo a che punto sono
take-over-claimed = Queste pratiche sono state trasferite in un'app; le segua lì.
field-error-receipt = Nessuna ricevuta con questo codice di tracciamento e questo codice segreto, oppure la ricevuta è scaduta, oppure un altro dispositivo ne ha già trasferito le pratiche.
field-error-receipt-code = Il codice di tracciamento: le 8 lettere e cifre stampate sulla ricevuta.
field-error-receipt-secret = Il codice segreto: le 16 lettere e cifre stampate sulla ricevuta.
receipt-track-online = Oppure veda a che punto sono da un browser, con il codice di tracciamento e il codice segreto:
desk-my-pin = Il suo PIN
desk-my-pin-hint = Lei è in servizio: digiti di nuovo il suo PIN per aggiungere un volontario.
desk-remove-my-pin-hint = Per rimuovere un volontario, digiti prima qui il suo PIN.
field-error-my-pin = Non è il suo PIN. Digiti il PIN con cui apre la postazione.
walk-in-handed-over = La persona ha trasferito le sue pratiche sul proprio telefono con la ricevuta. La sua sessione è stata cancellata; su questo portatile non resta nulla di suo.

## Countries of residence, for the notices that concern the person
country-it = Italia
country-fr = Francia
country-es = Spagna
country-de = Germania
country-nl = Paesi Bassi
country-be = Belgio
country-pt = Portogallo
country-at = Austria
country-ch = Svizzera
country-gb = Regno Unito
country-ie = Irlanda
country-gr = Grecia
country-hu = Ungheria
country-cz = Cechia
country-pl = Polonia
country-ro = Romania
country-rs = Serbia
country-se = Svezia
country-za = Sudafrica
country-ng = Nigeria
country-ao = Angola
country-ke = Kenya
country-gh = Ghana
country-ae = Emirati Arabi Uniti
country-sa = Arabia Saudita
country-us = Stati Uniti
country-ca = Canada
country-mx = Messico
country-br = Brasile
country-ar = Argentina
country-pa = Panama
country-pe = Perù
country-cl = Cile
country-jp = Giappone
country-kr = Corea del Sud
country-sg = Singapore
country-my = Malaysia
country-th = Thailandia
country-ph = Filippine
country-id = Indonesia
country-vn = Vietnam
country-kh = Cambogia
country-au = Australia
country-nz = Nuova Zelanda
notice-notification-title = Allerta di sicurezza: { $title }
field-error-residence-country = Paese in cui vive: ne scelga uno dall'elenco, oppure nessuno.

## Notices
notices-title = Avvisi e allerte di sicurezza
notices-lead = Allerte di sicurezza per il Paese in cui vive, cambiamenti nel modo in cui un servizio viene gestito e punti di assistenza chiusi. Restano leggibili anche senza connessione.
notices-country-label = Paese in cui vive
notices-country-hint = Usato solo su questo telefono o computer per scegliere gli avvisi e l'ambasciata che la riguardano; non viene mai inviato.
notices-country-none = Non scelto (solo gli avvisi per tutti)
notices-refused = Non è stato possibile verificare gli avvisi più recenti della città, quindi sono mostrati gli ultimi verificati.
notices-checked = Ultimo controllo con la città: { $time }
notices-never-checked = Non ancora controllato con la città.
notices-none-for = { $country }: al momento non ci sono avvisi.
notices-none = Al momento non ci sono avvisi per tutti. Scelga il suo Paese per vedere quelli per il luogo in cui vive.
notices-from = da { $signer }
notices-where = Dove
notices-sites = Punti di assistenza
notices-until = Fino al
notices-alerts-label = Allerte di sicurezza
notices-open = { $count ->
    [0] Avvisi per il Paese in cui vive
    [one] 1 avviso per il Paese in cui vive
   *[other] { $count } avvisi per il Paese in cui vive
}
notice-kind-safety-alert = Allerta di sicurezza
notice-kind-service-change = Cambiamento in un servizio
notice-kind-site-closure = Punto di assistenza chiuso

## Embassies and consulates
contacts-missions = Ambasciata e consolati della Cina nel Paese in cui vive
contacts-missions-choose = Scelga il Paese in cui vive per vedere l'ambasciata e i consolati cinesi.
contacts-missions-none = { $country }: non sono ancora elencati né l'ambasciata né i consolati. Chiami il numero 12308 qui sotto; risponde per tutti i Paesi.
contacts-mission-area = Circoscrizione consolare
contacts-mission-protection = Tutela consolare, 24 ore su 24
contacts-source = Fonte, aggiornata al { $date }:
mission-kind-embassy = Ambasciata
mission-kind-consulate-general = Consolato generale

# Switching the current home city
home-city-switch = Città d'origine: { $city } · Cambia
text-size-label = Dimensione del testo
text-size-option = { $percent }%
city-switch-title = Cambia città d'origine
city-switch-lead = Le guide mostrate e le nuove pratiche sono per la città che sceglie. Le pratiche già iniziate o inviate restano con la loro città e continuano ad andare solo al suo server.
city-current = Città attuale
city-switch-to = Passa a { $city }
draft-withdrawn-tag = Non più offerto
draft-withdrawn = La città non offre più questo servizio nel suo catalogo. Le sue risposte e i suoi documenti sono conservati: può stampare questa pratica, esportarla con i suoi dati o eliminarla, ma non può più inviarla.

# A request for more material, in the person's language
outbox-request = L'ufficio le chiede di inviare di nuovo questi documenti:
outbox-request-reason = Motivo: { $reason }
outbox-officer-words = Con le parole del funzionario:
outbox-event-message = L'ufficio le ha scritto{ $documents ->
    [0] {""}
    [one] , con un documento
   *[other] , con { $documents } documenti
}
conversation-title = Messaggi con l'ufficio
conversation-intro = Faccia una domanda o invii un documento su questa pratica. Senza connessione i messaggi restano su questo dispositivo e partono appena è connesso; le risposte e i documenti dell'ufficio compaiono qui.
conversation-empty = Ancora nessun messaggio.
conversation-you = Lei
conversation-office = L'ufficio
conversation-waiting = In attesa di invio
conversation-delivered = Consegnato
conversation-document-size = { $kilobytes } KB
conversation-document-saved = Salvato in { $path }
conversation-document-open = Apri
conversation-save-document = Salva
conversation-write = Il suo messaggio
conversation-attach = Allega una foto o un PDF
conversation-remove-attachment = Rimuovi
conversation-send = Invia il messaggio
notify-office-message = { $reference } · L'ufficio le ha scritto{ $documents ->
    [0] {""}
    [one] , con un documento
   *[other] , con { $documents } documenti
}. Apra Homeward per leggere.
field-error-message-text = Il suo messaggio: scriva qualcosa (massimo 4.000 caratteri), oppure alleghi un documento.
field-error-message-attachments = Documenti: un messaggio ne può contenere al massimo 5; invii gli altri in un secondo messaggio.
field-error-message-application = Potrà scrivere all'ufficio quando la pratica sarà arrivata e avrà un riferimento.
field-error-file = Il file: una foto (JPEG, PNG o WebP) o un PDF, massimo 30 MB.
request-reason-missing = non è stato inviato
request-reason-unreadable = non si legge (sfocato, tagliato o troppo scuro)
request-reason-expired = è scaduto
request-reason-wrong-document = non è il documento richiesto
request-reason-needs-translation = serve una traduzione in cinese
request-reason-needs-certification = deve essere autenticato o legalizzato
request-reason-incomplete = mancano pagine o facciate
