## Why an answer is not accepted. Said next to the field, after its label.

check-required = Responda a esta pregunta.
check-too-long = Es demasiado largo. Acórtelo.
check-id-card-length = El número de identidad del ciudadano (公民身份号码) tiene 18 caracteres.
check-id-card-characters = El número de identidad del ciudadano (公民身份号码) tiene 17 cifras seguidas de una cifra o una X.
check-id-card-region = Las dos primeras cifras no son un código de región. Compruebe el número en su documento de identidad de residente (居民身份证).
check-id-card-birth-date = Las cifras 7 a 14 deben ser su fecha de nacimiento. Compruebe el número en su documento de identidad de residente (居民身份证).
check-id-card-checksum = Este número no cuadra: probablemente una cifra está mal escrita. Compárelo con su documento de identidad de residente (居民身份证).
check-passport-format = Un número de pasaporte chino es una E y 8 cifras (E12345678), o una E, una letra y 7 cifras (EA1234567).
check-hk-macao-permit-format = Un número de salvoconducto para Hong Kong y Macao (往来港澳通行证) es una C y 8 caracteres, por ejemplo C12345678.
check-taiwan-permit-format = Un número de salvoconducto para Taiwán (往来台湾通行证) es una L y 8 cifras, por ejemplo L12345678.
check-phone-format = Escriba un número de teléfono con su prefijo de país, por ejemplo +39 333 123 4567.
check-phone-needs-country-code = Añada el prefijo de país, por ejemplo +39 para Italia o +86 para China.
check-phone-unknown-prefix = No conocemos el prefijo de este número. Si es correcto, puede continuar.
check-email-format = Escriba una dirección de correo electrónico, por ejemplo nombre@example.com.
check-date-format = Escriba una fecha real en la forma año-mes-día, por ejemplo 1985-06-15.
check-date-in-future = Esta fecha no puede ser futura.
check-date-in-past = Esta fecha no puede ser pasada.
check-document-expired = Este documento ha caducado. Renuévelo primero, o use uno válido.
check-name-characters = Use solo caracteres chinos o letras, con espacios, · o guiones.
check-invisible-characters = Contiene caracteres invisibles (como marcas de dirección o espacios de ancho cero) que podrían hacer que se lea distinto de lo que dice. Escríbalo de nuevo sin pegarlo.
check-pinyin-characters = Escriba el nombre con letras pinyin, como en su pasaporte.
check-choice-unknown = Elija una de las opciones.
check-material-missing = Adjunte este documento.
