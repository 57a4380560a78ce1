## The homeward command line.

cli-error = Errore
cli-catalog-ok = { $count } guide controllate: nessun problema trovato.
cli-catalog-problems = { $count ->
    [one] Trovato 1 problema nel catalogo.
   *[other] Trovati { $count } problemi nel catalogo.
}
cli-pack-written = Scritto { $path } con { $count } guide.
cli-pack-stale = { $path } non è aggiornato: esegua `{ $command }` e faccia il commit del risultato.
cli-pack-current = { $path } (versione { $version }) corrisponde ai sorgenti.
cli-cities-written = Scritto { $path } con { $count ->
        [one] una città d'origine
       *[other] { $count } città d'origine
    }.
cli-verify-ok = La firma è valida: catalogo versione { $version }, { $count } guide.
cli-verify-failed = Il pacchetto è stato rifiutato
cli-keygen-done = Chiave segreta scritta in { $path }. La conservi offline; metta la chiave pubblica qui sopra in catalog/keys/content-key.pub.
cli-search-none = Nessuna guida corrisponde.
cli-check-valid = Valido: { $value }
cli-check-invalid = Non valido: { $reason }
cli-check-warning = Da controllare
cli-check-unknown-type = Tipo sconosciuto «{ $type }». Usi uno di questi: { $types }.

cli-admin-token = Questo è il suo token di accesso: lo assegni a HOMEWARD_ADMIN_TOKEN per gli altri comandi.
cli-admin-none = Nessuna pratica corrisponde.
cli-admin-signature-ok = firma del dispositivo verificata
cli-admin-signature-bad = la firma del dispositivo NON è valida
cli-admin-revision = { $revision ->
    [0] Primo invio
   *[other] Integrazione n. { $revision }
}
cli-admin-staff-added = Account del personale { $username } aggiunto.
cli-admin-staff-disabled = Account del personale { $username } disattivato; le sue sessioni sono terminate.
cli-admin-access-more = Ci sono voci più vecchie: aggiunga --before { $seq }.
cli-admin-device-revoked = Chiave del dispositivo revocata: da ora il backend la rifiuta.
cli-admin-signer-trusted = attendibile
cli-admin-signer-revoked = revocata

cli-notices-ok = { $count ->
    [one] 1 avviso controllato: nessun problema trovato.
   *[other] { $count } avvisi controllati: nessun problema trovato.
}
cli-notices-problems = { $count ->
    [one] Trovato 1 problema: non è stato pubblicato nulla.
   *[other] Trovati { $count } problemi: non è stato pubblicato nulla.
}
cli-notices-published = Pubblicato l'avviso { $id }: il flusso è ora alla versione { $version } con { $count ->
    [one] 1 avviso
   *[other] { $count } avvisi
}.
cli-notices-withdrawn = Ritirato l'avviso { $id }: il flusso è ora alla versione { $version }.
cli-notices-not-found = Il flusso firmato da questa chiave non contiene l'avviso { $id }.
cli-notices-untrusted-key = Nessuna città dell'elenco delle città accetta la chiave { $key } per firmare avvisi: le app rifiuterebbero il suo flusso.
cli-notices-kind-not-allowed = L'elenco delle città non autorizza questa chiave a pubblicare un avviso di tipo «{ $kind }».
cli-notices-published-refused = Il flusso che il backend conserva per questa chiave non supera la verifica, quindi viene sostituito
cli-notices-none = Il backend non pubblica avvisi.
cli-notices-feed-refused = Rifiutato: le app non mostrano nulla di questo flusso
