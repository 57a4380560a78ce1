## Why an answer is not accepted. Said next to the field, after its label.

check-required = Risponda a questa domanda.
check-too-long = Il testo è troppo lungo. Lo accorci.
check-id-card-length = Il numero della carta d'identità di residente ha 18 caratteri.
check-id-card-characters = Il numero della carta d'identità di residente è formato da 17 cifre seguite da una cifra o da X.
check-id-card-region = Le prime due cifre non sono un codice di regione. Controlli il numero sulla sua carta d'identità.
check-id-card-birth-date = Le cifre dalla 7ª alla 14ª devono essere la sua data di nascita. Controlli il numero sulla sua carta d'identità.
check-id-card-checksum = Questo numero non torna: probabilmente una cifra è sbagliata. Lo confronti con la sua carta d'identità.
check-passport-format = Il numero di un passaporto cinese è E seguita da 8 cifre (E12345678) oppure E, una lettera e 7 cifre (EA1234567).
check-hk-macao-permit-format = Il numero del permesso per Hong Kong e Macao (往来港澳通行证) è C seguita da 8 caratteri, ad esempio C12345678.
check-taiwan-permit-format = Il numero del permesso di viaggio per Taiwan (往来台湾通行证) è L seguita da 8 cifre, ad esempio L12345678.
check-phone-format = Inserisca un numero di telefono con il prefisso internazionale, ad esempio +39 333 123 4567.
check-phone-needs-country-code = Aggiunga il prefisso internazionale, ad esempio +39 per l'Italia o +86 per la Cina.
check-phone-unknown-prefix = Non conosciamo il prefisso di questo numero. Se è corretto, può proseguire.
check-email-format = Inserisca un indirizzo e-mail come nome@example.com.
check-date-format = Inserisca una data reale nella forma anno-mese-giorno, ad esempio 1985-06-15.
check-date-in-future = Questa data non può essere nel futuro.
check-date-in-past = Questa data non può essere nel passato.
check-document-expired = Questo documento è scaduto. Lo rinnovi prima, oppure ne usi uno valido.
check-name-characters = Usi solo caratteri cinesi o lettere, con spazi, · o trattini.
check-invisible-characters = Il testo contiene caratteri invisibili (come segni di direzione o spazi di larghezza zero) che possono farlo apparire diverso da ciò che dice. Lo scriva di nuovo a mano, senza incollarlo.
check-pinyin-characters = Scriva il nome in lettere pinyin, come sul passaporto.
check-choice-unknown = Scelga una delle opzioni.
check-material-missing = Alleghi questo documento.
