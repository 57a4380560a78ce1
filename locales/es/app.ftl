## The app's interface.

app-name = Homeward
nav-home = Volver al inicio
nav-back = Volver
language-switch-label = Idioma
loading = Cargando…

## The connection to the city's server

status-offline = Sin conexión: se usan las guías guardadas en este dispositivo. Lo que escriba se guarda aquí.
status-online = Conectado
status-update-refused = Conectado. No se han podido verificar las últimas guías de la ciudad, así que se siguen usando las guías verificadas de este dispositivo.
status-checking = Comprobando la conexión…
status-retry = Reintentar

## When the app cannot start

fatal-title = Homeward no puede abrir sus datos
fatal-hint = No se ha perdido nada. Reinicie la aplicación; si vuelve a ocurrir, póngase en contacto con el punto de enlace más cercano.
fatal-start-again = Empezar de nuevo (los datos antiguos se guardan aparte)

## Errors, by code

error-invalid-input = Algo de lo que ha escrito no tiene el formato esperado. Revíselo e inténtelo de nuevo.
error-not-found = No se encuentra este elemento. Puede que se haya eliminado.
error-storage = Homeward no puede leer ni escribir sus datos en este dispositivo. Compruebe que hay espacio libre e inténtelo de nuevo.
error-keyring = Homeward no puede acceder al almacén de claves del sistema; sus datos siguen cifrados. Desbloquee el almacén de claves y reinicie la aplicación.
error-keys-missing = Las claves que protegen sus datos de Homeward ya no están en el almacén de claves de este dispositivo, así que no se pueden leer sus borradores ni sus solicitudes. Si tiene una copia de seguridad del almacén de claves, restáurela y reinicie la aplicación. Si no, empiece de nuevo: sus datos antiguos se guardan aparte, bloqueados, por si las claves aparecen.
error-no-key-store = Este dispositivo no tiene un lugar seguro para las claves de Homeward, así que la aplicación no puede proteger sus datos y no se inicia. Use Homeward en un teléfono u ordenador con almacén de claves del sistema.
error-no-home-city = Elija primero su ciudad de origen: la aplicación envía sus solicitudes a la ciudad que usted elija.
error-offline = Ahora no se puede conectar con el servidor de la ciudad. Homeward lo intentará de nuevo cuando tenga conexión.
error-backend = El servidor de la ciudad no puede atender esta operación ahora. Inténtelo más tarde.
error-no-font = Este dispositivo no tiene una fuente para el chino, así que no se puede crear el PDF. Use «Imprimir».
error-unsigned = A esta solicitud le falta la firma de su dispositivo, así que la ciudad no puede saber que viene de usted. Actualice la aplicación y envíela de nuevo.
error-bad-signature = Esta solicitud se modificó por el camino y su firma ya no coincide, así que se ha rechazado. Envíela de nuevo.
error-replayed = La firma de esta solicitud ha caducado. Compruebe la fecha y la hora de su teléfono y envíela de nuevo.
error-unknown-device = La ciudad no conoce la clave de este dispositivo, o la clave se ha retirado. Verifique su identidad de nuevo.
error-idempotency-conflict = Se enviaron dos versiones distintas de la misma solicitud, así que se ha rechazado. Póngase en contacto con un punto de enlace.
error-not-signed-in = Inicie sesión primero, o compruebe el nombre de usuario y la contraseña.
error-not-allowed = Esta cuenta no puede hacer eso.
error-conflict = Otra persona resolvió esta solicitud o la remitió mientras usted la tenía abierta, así que su decisión no se ha registrado. Ábrala de nuevo para ver lo que se hizo y luego decida.
error-material-not-uploaded = Un documento no ha terminado de subirse; la aplicación lo sube primero y vuelve a enviar.
error-consent-required = Antes de enviar, acepte el tratamiento de sus datos sensibles y su envío a China.
error-too-many-attempts = Demasiados intentos fallidos de inicio de sesión con este nombre. Inténtelo de nuevo dentro de 15 minutos.
error-desk-locked = El puesto de atención está bloqueado. Un voluntario debe abrirlo con su PIN.
error-attestation-tampered = La confirmación de identidad está dañada o se modificó después de firmarse. Pida una nueva.
error-unknown-signer = La confirmación de identidad la firmó un punto de enlace o un funcionario que la ciudad no conoce.
error-revoked-signer = La ciudad ya no confía en el punto de enlace o el funcionario que confirmó su identidad. Vuelva a confirmar su identidad.
error-attestation-other-device = La confirmación de identidad se hizo para otro dispositivo. Confirme su identidad en este dispositivo.
error-attestation-expired = La confirmación de identidad ha caducado. Vuelva a confirmar su identidad.
error-attestation-other-person = La confirmación de identidad acredita a una persona distinta de la que presenta esta solicitud. Revise sus datos, o vuelva a confirmar su identidad.
error-revision-other-service = Esta actualización indica un trámite distinto del de la solicitud a la que pertenece, así que se ha rechazado. Inicie una solicitud nueva para el otro trámite.
error-identity-level-too-low = Este trámite necesita una prueba más sólida de su identidad. Consulte «Mi identidad» para saber cómo obtenerla.
error-device-revoked = La clave de este dispositivo se ha retirado, como se hace con un teléfono perdido: la ciudad no acepta nada de lo que firme. Borre los datos de la aplicación en «Mis datos y privacidad», configúrela de nuevo y verifique su identidad otra vez.
error-too-large = Esto supera lo que admite el servidor de la ciudad. Adjunte un documento más pequeño, o menos a la vez.
error-timed-out = La conexión ha sido demasiado lenta para terminar a tiempo. La aplicación lo vuelve a intentar sola.
error-quota-exceeded = Ha enviado todo lo que el servidor de la ciudad admite por ahora desde un mismo teléfono. La aplicación lo volverá a intentar más tarde sola.
error-insufficient-storage = El servidor de la ciudad se ha quedado sin espacio y por ahora no admite documentos nuevos. La aplicación lo volverá a intentar más tarde sola.
error-internal = Algo inesperado ha fallado. Sus datos no se han perdido. Reinicie la aplicación.

## Home

home-title = Haga sus trámites en su tierra, desde el extranjero
home-lead = Las guías de trámites de { $city } para quienes viven en el extranjero, que se pueden leer sin conexión. Cada una indica si hace falta viajar a China, y cuántas veces.
home-drafts-title = Sus solicitudes
home-drafts-more = Mostrar más solicitudes
draft-answered = { $count ->
    [one] { $count } respuesta
   *[other] { $count } respuestas
}
draft-updated = actualizada el { $when }
catalogue-version = Catálogo de guías, versión { $version } · { $date }

## Categories

category-household-registration = Registro de residencia (hukou)
category-identity-card = Documento de identidad de residente (居民身份证)
category-entry-exit = Entrada y salida del país
category-driving-vehicles = Permisos de conducir y vehículos
category-real-estate = Inmuebles
category-notarisation = Notaría y certificación
category-social-insurance = Seguridad social y pensiones
category-medical-insurance = Seguro médico
category-housing-fund = Fondo de previsión para la vivienda
category-civil-affairs = Asuntos civiles y matrimonio
category-tax = Impuestos
category-overseas-chinese = Asuntos de los chinos de ultramar
category-education = Educación
category-legal-services = Servicios jurídicos
category-consultation = Consultas y quejas

## Badges

badge-no-trip = Sin desplazamiento
badge-one-trip = Como máximo un desplazamiento
badge-entrustable = Un familiar puede hacerlo por usted

## A guide

guide-start = Iniciar una solicitud
guide-your-drafts = Sus solicitudes sin enviar
guide-time-limit = Plazo
guide-time-limit-same-day = En el acto
guide-time-limit-days = { $days ->
    [one] { $days } día hábil
   *[other] { $days } días hábiles
}
guide-fees = Tasas
guide-department = Tramitado por
guide-channels = Formas de solicitarlo
guide-who = Quién puede solicitarlo
guide-conditions = Requisitos
guide-materials = Qué necesita
guide-steps = Cómo se hace
guide-entrust = Que lo haga un familiar
guide-entrust-lead = Un familiar en China puede encargarse por usted del paso en ventanilla. Debe llevar:
guide-legal-basis = Base jurídica
guide-reviewed = Versión { $version }, revisada el { $date }
guide-translation-note = Traducido del chino para su comodidad. El texto que aplica la oficina es el chino; los nombres oficiales de documentos y oficinas aparecen en chino junto a la traducción.
material-original = original
material-copy = copia
material-original-or-copy = original o copia
material-count = × { $count }
channel-online = Totalmente en línea
channel-liaison-site = Con un punto de enlace en el extranjero
channel-counter-in-china = En ventanilla en China (se puede autorizar a otra persona)

## Filling in an application

draft-eyebrow = Borrador de solicitud · { $city }
draft-autosave-hint = Cada respuesta se guarda mientras escribe.
draft-saving = Guardando…
draft-saved = Guardado en este dispositivo
draft-save-failed = No se ha podido guardar. Inténtelo de nuevo.
field-choose = Elija una opción
field-yes = Sí
field-no = No
field-optional = (opcional)

## Search

search-label = Buscar trámites
search-placeholder = Buscar: permiso, hukou, fe de vida…
search-results = { $count ->
    [one] { $count } trámite encontrado
   *[other] { $count } trámites encontrados
}
search-none = No hay resultados. Pruebe con otras palabras, o consulte a una línea de ayuda.
search-clear = Borrar la búsqueda
search-ask = Ver las líneas de ayuda
home-categories = Categorías

## Help and liaison sites

nav-help = Ayuda
contacts-title = Líneas de ayuda y puntos de enlace
contacts-lead = ¿No sabe qué hacer? Llame, o acuda al punto de enlace más cercano, donde los voluntarios le ayudan en persona.
contacts-help-lines = Líneas de ayuda
contacts-sites = Puntos de enlace en el extranjero
contacts-call = Llamar
contacts-write = Correo electrónico
contacts-address = Dirección
contacts-hours = Horario
contacts-languages = Idiomas

## Materials checklist

materials-progress = Listos: { $done } de { $total } (las marcas solo se guardan en este dispositivo)
material-conditional = solo para algunos solicitantes
material-alternatives = También se acepta:
guide-time-limit-calendar-days = { $days ->
    [one] { $days } día
   *[other] { $days } días
}

## Checking and managing applications

summary-title = Hay un problema
draft-check = Revisar mis respuestas
draft-ready-title = Su solicitud está completa
draft-ready-body = Todas las preguntas obligatorias tienen respuesta y todas las respuestas son válidas. Se puede enviar al departamento cuando tenga conexión.
draft-duplicate = Hacer una copia
draft-delete = Eliminar esta solicitud
draft-delete-confirm-title = ¿Eliminar esta solicitud?
draft-delete-confirm-body = Sus respuestas se borrarán de este dispositivo. No se puede deshacer.
draft-delete-confirm = Eliminar
draft-delete-keep = Conservarla
field-date-placeholder = año-mes-día, por ejemplo 1985-06-15
draft-progress = Hecho: { $done } de { $total }
status-not-started = Sin empezar
status-in-progress = En curso
status-needs-attention = Requiere revisión
status-complete = Completa

## Attaching documents

material-add = Hacer una foto o elegir un archivo
material-adding = Preparando…
material-camera = Hacer una foto
material-add-failed = No se puede usar este archivo. Elija una foto (JPEG, PNG o WebP) o un PDF de 30 MB como máximo.
material-remove = Quitar

## Check your answers

answers-eyebrow = Revise sus respuestas · { $city }
answers-none = Sin respuesta
answers-change = Cambiar
answers-print = Imprimir
draft-review-all = Ver todas sus respuestas
summary-item = { $label }: { $problem }
draft-catalogue-changed = La guía se actualizó después de que usted empezara. { $changed ->
    [0] {""}
    [one] Ha cambiado { $changed } pregunta: revise la respuesta marcada.
   *[other] Han cambiado { $changed } preguntas: revise las respuestas marcadas.
} { $removed ->
    [0] {""}
    [one] { $removed } respuesta a una pregunta que ya no se hace se conserva en este dispositivo y no se enviará.
   *[other] { $removed } respuestas a preguntas que ya no se hacen se conservan en este dispositivo y no se enviarán.
}
draft-question-changed = Esta pregunta cambió después de que usted empezara. Revise su respuesta.

## The printable application (PDF)
pdf-eyebrow = Solicitud
pdf-not-answered = Sin respuesta
pdf-attached = { $count ->
    [one] { $count } documento adjunto
   *[other] { $count } documentos adjuntos
}
pdf-status = Estado
pdf-status-complete = Completa
pdf-status-incomplete = Incompleta: { $count ->
    [one] { $count } respuesta requiere revisión
   *[other] { $count } respuestas requieren revisión
}
pdf-department = Departamento
pdf-reference = Referencia
pdf-generated = Generada el
pdf-incomplete-note = Esta solicitud aún no está completa. Se podrá enviar cuando estén resueltas todas las respuestas marcadas como «Requiere revisión».
pdf-needs-attention = Requiere revisión
pdf-declaration = Declaro que las respuestas y los documentos adjuntos son verdaderos, exactos y completos.
pdf-signature = Firma del solicitante
pdf-date = Fecha
pdf-page = Página { $page } de { $pages }
answers-pdf = Crear un PDF
answers-pdf-working = Creando el PDF…
answers-pdf-saved = PDF guardado en { $path }
answers-pdf-open = Abrir el PDF

## Sending and the outbox
nav-outbox = Enviadas
send-application = Enviar a la ciudad
send-consent-title = ¿Enviar esta solicitud?
send-consent-body = Sus respuestas y la lista de sus documentos llegan a través del servidor de { $city } al departamento competente ({ $department }), firmadas con la clave de este dispositivo para demostrar que vienen de usted.
send-consent-offline = Sin conexión, la solicitud espera en la bandeja de salida de este dispositivo y se envía, una sola vez, en cuanto tenga conexión.
send-confirm = Enviar ahora
send-cancel = Todavía no
outbox-title = Solicitudes enviadas
outbox-intro = Lo que ha enviado y si ha llegado. Sin conexión, las solicitudes esperan en este dispositivo y salen en cuanto tenga conexión.
outbox-empty = Todavía no ha enviado ninguna solicitud.
outbox-waiting = Pendiente de envío
outbox-sending = Enviando
outbox-set-aside = No entregada
outbox-delivered = Entregada
outbox-waiting-first = Guardada en este dispositivo; sale en cuanto tenga conexión.
outbox-waiting-next = { $attempts ->
    [one] { $attempts } intento; próximo intento el { $time }.
   *[other] { $attempts } intentos; próximo intento el { $time }.
}
outbox-retry = Enviar de nuevo
outbox-reference = Referencia
outbox-received-at = Recibida por la ciudad el { $time }
outbox-progress = { $sent } de { $total } KB enviados

## Where an application stands at the city
application-status-received = Recibida
application-status-in-review = En revisión
application-status-more-material-needed = Falta documentación
application-status-approved = Aprobada
application-status-rejected = Denegada
application-status-completed = Finalizada
outbox-add-material = Añadir la documentación y enviar de nuevo
outbox-send = { $revision ->
    [0] Primer envío
   *[other] Envío complementario n.º { $revision }
}
outbox-timeline = Historial (incluye cada vez que el personal la abrió)
outbox-event-routed = Remitida a: { $department }
outbox-event-access = { $role ->
        [administrator] Un administrador
        [officer] Un funcionario
       *[reviewer] Un revisor
    } de la ciudad abrió su solicitud
outbox-event-access-department = { $role ->
        [administrator] Un administrador
        [officer] Un funcionario
       *[reviewer] Un revisor
    } ({ $department }) abrió su solicitud
send-revision = Enviar el complemento

## My details and privacy
privacy-link = Mis datos y privacidad
privacy-title = Mis datos y privacidad
privacy-intro = Sus datos se guardan en la base de datos cifrada de este dispositivo y solo se envían a la ciudad cuando usted envía una solicitud. Puede exportarlos o borrarlos todos en cualquier momento.
profile-title = Sus datos
profile-why = Se usan solo para los trámites que usted elija y para comprobar su identidad en persona.
profile-name-han = Nombre en caracteres chinos
profile-name-han-hint = Como en su documento de identidad de residente (居民身份证) o su libreta de hukou (户口簿); también se pueden escribir caracteres poco comunes
profile-name-pinyin = Nombre en pinyin
profile-name-pinyin-hint = Como en su pasaporte, por ejemplo WANG XIAOMING
profile-birth-date = Fecha de nacimiento
profile-id-number = Número de identidad del ciudadano (公民身份号码)
profile-id-number-hint = Si lo tiene; indique al menos este número o el de su pasaporte
profile-passport = Número de pasaporte
profile-passport-hint = Por ejemplo E12345678
profile-save = Guardar
profile-saved = Guardado en este dispositivo
consents-title = Consentimientos
consents-intro = Cada uno se da por separado y se puede retirar en cualquier momento. Sin ellos no se puede enviar ninguna solicitud nueva; lo ya enviado no se ve afectado.
consent-sensitive-data = Datos personales sensibles
consent-sensitive-data-body = Acepto que se traten los números de mis documentos de identidad y las fotos de mis documentos para los trámites que elija (arts. 28 y 29 de la Ley de Protección de la Información Personal, 《个人信息保护法》).
consent-cross-border = Envío a China
consent-cross-border-body = Acepto que los datos personales de mis solicitudes se envíen desde el país donde vivo a los departamentos de la ciudad de origen a la que corresponde cada solicitud (arts. 38 y 39 de la Ley de Protección de la Información Personal, 《个人信息保护法》; RGPD).
consent-given-at = Dado el { $time }
consent-withdrawn-at = Retirado el { $time }
consent-not-given = No dado
consent-give = Dar el consentimiento
consent-withdraw = Retirar el consentimiento
access-title = Quién en la ciudad ha consultado mis datos
access-body = La ciudad registra cada vez que su personal abre su solicitud, descarga uno de sus documentos, lee su petición de verificación de identidad o comprueba una autorización que usted firmó. Aquí ve cada una de esas veces, con el cargo y el departamento de quien lo hizo. La consulta no envía nada más que la firma de este dispositivo.
access-show = Mostrar
access-refresh = Mostrar de nuevo
access-none = Nadie en la ciudad ha consultado nada suyo.
access-older = Mostrar registros anteriores
access-entry = { $by } { $action }
access-by = { $role ->
        [administrator] Un administrador
        [officer] Un funcionario
       *[reviewer] Un revisor
    }
access-by-department = { $role ->
        [administrator] Un administrador
        [officer] Un funcionario
       *[reviewer] Un revisor
    } ({ $department })
access-action-opened-application = abrió su solicitud { $reference }
access-action-downloaded-document = descargó un documento de su solicitud { $reference }
access-action-read-conversation = leyó los mensajes de su solicitud { $reference }
access-action-viewed-proofing-request = leyó su petición de verificación de identidad, con sus datos
access-action-checked-letter = comprobó una autorización que usted firmó
access-action-revoked-device = retiró la clave de este dispositivo
access-action-other = cambió las cuentas o las claves de la ciudad
export-title = Exportar todos mis datos
export-body = Todo lo que la aplicación guarda sobre usted (datos, consentimientos, borradores, documentos, lo que ha enviado y los comprobantes) se guarda en su carpeta de descargas.
export-button = Exportar
export-done = Exportado a { $path }
erase-title = Borrar todos mis datos
erase-body = Elimina de este dispositivo todos los borradores, documentos, datos, consentimientos y claves. Las solicitudes ya enviadas a la ciudad no se ven afectadas. No se puede deshacer.
erase-confirm = ¿Borrar todo lo que hay en este dispositivo? Después, la aplicación se cierra.
erase-button = Borrar todos mis datos
erase-done = Borrado. La aplicación se está cerrando.

## My identity and site mode
identity-link = Mi identidad
identity-title = Mi identidad
identity-level-now = Nivel de prueba de su identidad
level-self-asserted = Sin verificar (declaración propia)
level-documents-reviewed = Documentos revisados a distancia
level-onsite-attended = Verificada en persona en un punto de enlace
level-remote-attended = Verificada por vídeo con un funcionario
level-self-asserted-means = Suficiente para consultas y certificados sobre usted. La mayoría de los trámites necesitan más.
level-documents-reviewed-means = Suficiente para los trámites que requieren revisar sus documentos, pero no para los que requieren verle en persona.
level-onsite-attended-means = Suficiente para todos los trámites del catálogo.
level-remote-attended-means = Suficiente para todos los trámites del catálogo.
identity-in-person = Verificar en persona en un punto de enlace
identity-in-person-body = Lleve su pasaporte o su documento de identidad de residente (居民身份证) a un punto de enlace. Muestre al voluntario el código de abajo; él comprueba sus documentos cara a cara y le da una confirmación. Ninguno de los dos dispositivos necesita conexión.
identity-profile-needed = Rellene primero sus datos (nombre, fecha de nacimiento y un número de documento): el código los lleva para que el voluntario los compare con sus documentos.
identity-show-code = Mostrar mi código de identidad
identity-code-hint = Deje que el voluntario escanee este código, o cópiele el texto. Contiene sus datos, así que muéstrelo solo al voluntario.
qr-image-label = Código QR
code-text-label = Lo mismo en texto
identity-paste-label = Confirmación del voluntario
identity-paste-hint = Escanee el código del voluntario, o pegue el texto que le dé.
identity-add = Añadir la confirmación
identity-added = Confirmación añadida.
identity-other-ways = Otras formas
identity-way-documents = Si la videollamada no permite verle con claridad, el funcionario puede confirmar igualmente sus documentos (documentos revisados): suficiente para la mayoría de los trámites, pero no para los que requieren verle en persona o por vídeo.
identity-find-site = Buscar un punto de enlace
identity-attestations = Confirmaciones en este dispositivo
attestation-by-site = del punto de enlace { $site }
attestation-by-officer = del funcionario { $officer }
attestation-dates = emitida el { $issued }, válida hasta el { $expires }
attestation-not-current = No válida ahora
document-passport = Pasaporte
document-id-card = Documento de identidad de residente (居民身份证)
guide-identity = Identidad requerida
guide-identity-how = Cómo acreditarla
site-link = Modo punto de enlace (para voluntarios)
site-title = Modo punto de enlace
site-intro = Para los voluntarios de un punto de enlace: leer el código de identidad de una persona, comprobar sus documentos cara a cara y firmar una confirmación con la clave de este punto. No se guarda nada de la persona en este ordenador.
site-setup = Configurar este ordenador para un punto de enlace
site-id = Código del punto
site-id-hint = Letras minúsculas, cifras y guiones, tal como lo asignó la ciudad: por ejemplo prato.
site-name = Nombre del punto
site-enable = Crear la clave del punto
site-signing-as = Firma como
site-key-hint = La clave pública de este punto. Envíela al administrador de la ciudad; las confirmaciones solo valen cuando esté registrada.
site-read = Leer el código de una persona
site-read-label = El código de identidad de la persona
site-read-hint = Escanee el código de su teléfono, o pegue el texto que le dé.
site-read-button = Leer el código
site-compare = Compare con los documentos que tiene delante
site-compare-hint = Cada dato debe coincidir con el pasaporte o el documento de identidad de la persona, y la foto debe ser de la persona que tiene delante.
site-documents-checked = He comprobado
site-face-to-face = La persona está presente ante mí y coincide con la foto del documento.
site-sign = Firmar la confirmación
site-signed = Confirmación firmada
site-signed-hint = Deje que la persona escanee este código, o dele el texto. Es válida durante tres años, solo para su dispositivo.
site-next = Siguiente persona
site-leave = Salir del modo punto de enlace
site-leave-body = Destruye la clave del punto en este ordenador. La ciudad tiene que registrar una clave nueva para que este ordenador pueda volver a firmar.
site-leave-confirm = ¿Destruir la clave de este punto?
desk-locked-title = El puesto de atención está bloqueado
desk-locked-intro = Elija su nombre y escriba su PIN para abrir el puesto de atención.
desk-volunteer = Voluntario
desk-pin = PIN o frase de contraseña
desk-pin-hint = Al menos 6 caracteres, no todos iguales. Solo usted debe conocerlo.
desk-pin-again = El mismo PIN otra vez
desk-unlock = Abrir el puesto de atención
desk-on-duty = De turno: { $name }
desk-idle-hint = El puesto de atención se bloquea solo tras { $minutes ->
    [one] { $minutes } minuto
   *[other] { $minutes } minutos
} sin uso. Bloquéelo siempre que se aleje.
desk-lock-now = Bloquear ahora
desk-first-title = Registrar al primer voluntario
desk-first-intro = Cada voluntario de este punto tiene su propio nombre y su propio PIN o frase de contraseña. El puesto de atención solo se abre con uno de ellos, y cada confirmación firmada aquí registra quién la firmó.
desk-add-title = Registrar a otro voluntario
desk-add-intro = Abrirá el puesto de atención con su propio nombre y su propio PIN.
desk-volunteer-name = Nombre
desk-add-volunteer = Registrar al voluntario
desk-volunteers = Voluntarios de este punto
desk-remove-volunteer = Quitar
desk-remove-confirm = ¿Quitar a este voluntario? Ya no podrá abrir el puesto de atención.
desk-log = Registro del punto
desk-log-intro = Cuándo se abrió y se bloqueó el puesto de atención, quién lo hizo y cuántas confirmaciones se firmaron. Aquí no se guarda nada de las personas atendidas.
site-action-volunteer-added = Voluntario registrado
site-action-volunteer-removed = Voluntario quitado
site-action-unlocked = Puesto de atención abierto
site-action-locked = Puesto de atención bloqueado
site-action-idle-locked = Puesto de atención bloqueado por inactividad
site-action-pin-refused = PIN incorrecto
site-action-attested = Confirmación de identidad firmada
site-action-walk-in-started = Sesión de visitante abierta
site-action-walk-in-ended = Sesión de visitante terminada y borrada
site-action-walk-in-sealed = Sesión de visitante sellada hasta que la ciudad la reciba
walk-in-title = Visitantes
walk-in-intro = Atienda a una persona que ha venido al puesto en una sesión propia: sus datos, documentos y solicitudes se mantienen separados del punto y de todos los demás, y se borran al terminar la sesión.
walk-in-start = Nuevo visitante
walk-in-active = Se está atendiendo a un visitante en este ordenador.
walk-in-back = Volver al visitante
walk-in-interrupted = Sesiones interrumpidas cuando el ordenador se detuvo
walk-in-started-at = Iniciada el { $time }
walk-in-resume = Reanudar
walk-in-sealed-count = { $count ->
    [one] { $count } sesión terminada está sellada: se envía cuando se pueda conectar con la ciudad y después se borra.
   *[other] { $count } sesiones terminadas están selladas: se envían cuando se pueda conectar con la ciudad y después se borran.
}
walk-in-wiped = La sesión ha terminado. No queda nada de ella en este ordenador.
walk-in-sealed = La sesión ha terminado y está sellada: nadie puede abrirla. Sus solicitudes se envían cuando se pueda conectar con la ciudad, y después se borra.
walk-in-bar = Sesión de visitante
walk-in-bar-hint = Todo lo que hay aquí pertenece a la persona que está en el puesto y se borra al terminar la sesión.
walk-in-confirm-identity = Confirmar la identidad
walk-in-end = Terminar la sesión
walk-in-end-confirm = ¿Terminar esta sesión? Los borradores no enviados se eliminan con ella; lo enviado se borra en cuanto la ciudad lo tenga.
walk-in-confirm-title = Confirmar en persona la identidad de esta persona
walk-in-confirmed = Identidad confirmada
walk-in-consents = Consentimientos
walk-in-read-title = Lea esto a la persona
walk-in-read-hint = Elija el idioma que la persona lee mejor y luego lea el texto en voz alta o deje que lo lea ella. Marque una casilla solo cuando la persona diga que sí.
walk-in-read-language = Idioma del texto
walk-in-read-intro = Lo que nos cuente hoy se queda en este ordenador solo durante esta visita, protegido con una clave propia. Solo se envía a la ciudad si usted decide enviar una solicitud, y todo se borra de este ordenador cuando terminemos, en cuanto la ciudad haya recibido lo que usted envió.
walk-in-read-choice = Puede decir que no, o cambiar de opinión más adelante; sin estos dos consentimientos podemos ayudarle igualmente a leer las guías, pero no enviar una solicitud.
walk-in-agrees = La persona está de acuerdo

## Entrustment letters
letter-eyebrow = Autorización
letter-title = Autorización
letter-body = Yo, { $principal } (documento de identidad { $document }), autorizo a { $agent } (número de identidad del ciudadano, 公民身份号码: { $agent_id }) para realizar en mi nombre:
letter-validity = Válida del { $from } al { $until }, ambos incluidos.
letter-number = Autorización n.º { $id }
letter-proven = La identidad de la persona se confirmó { $level ->
        [onsite-attended] en persona en el punto de enlace { $issuer }
       *[remote-attended] por vídeo con el funcionario { $issuer }
    } el { $date }; la comprobación confirma que esta prueba es auténtica y corresponde a esta persona.
letter-verify = Personal de ventanilla: escanee el código QR, o introduzca el texto que figura debajo en { $url } o en la consola de gestión. La autorización solo vale si la comprobación indica que es válida; la persona puede revocarla en cualquier momento.
letter-signed = Firmada electrónicamente con la clave del dispositivo de la persona, registrada ante la ciudad.
letter-principal = Firma de la persona que autoriza
letters-link = Autorizar a un familiar
letters-title = Autorizar a un familiar
letters-intro = Una autorización permite que un familiar en China haga por usted un paso en ventanilla. La aplicación la firma con la clave de este dispositivo; imprímala o envíe el PDF a su familiar. En la ventanilla escanean su código QR para comprobarla, y usted puede revocarla en cualquier momento.
letters-new = Nueva autorización
letters-identity-needed = Antes de autorizar a un familiar, su identidad tiene que estar confirmada en persona en un punto de enlace o por vídeo con un funcionario. La autorización lleva esa confirmación, para que en la ventanilla sepan que de verdad viene de usted.
letters-agent-name = Nombre de su familiar
letters-agent-name-hint = Como en su documento de identidad de residente (居民身份证).
letters-agent-id = Número de identidad del ciudadano (公民身份号码) de su familiar
letters-services = Los trámites que puede hacer por usted
letters-valid-until = Válida hasta
letters-valid-until-hint = El último día en que puede actuar por usted, como máximo un año a partir de hoy: por ejemplo 2027-05-31.
letters-sign = Firmar la autorización
letters-made = Autorización firmada.
letters-yours = Sus autorizaciones
letters-to = Para { $agent }
letters-valid-until-at = Válida hasta el { $time }
letters-revoked-at = Revocada el { $time }
letters-save-pdf = Guardar la autorización en PDF
letters-revoke = Revocar
letters-revoke-confirm = ¿Revocar esta autorización? Las ventanillas la rechazarán a partir de ahora.
identity-video = Verificar por vídeo
identity-video-body = Un funcionario de la ciudad le llama por vídeo, le ve a usted y su pasaporte o documento de identidad, y los compara con sus datos. Vale lo mismo que una visita a un punto de enlace.
identity-video-contact = Cómo puede llamarle el funcionario
identity-video-contact-hint = Un número de teléfono con su prefijo de país, un ID de WeChat o una dirección de correo electrónico.
identity-video-ask = Pedir una videollamada
identity-video-requested = Pedida el { $time }. Un funcionario le llamará; la confirmación llegará sola a la aplicación.
field-error-profile = Rellene primero sus datos: nombre, fecha de nacimiento y un número de documento.
field-error-agent-name = Nombre de su familiar: escríbalo como en su documento de identidad de residente (居民身份证).
field-error-agent-id-number = Número de identidad del ciudadano (公民身份号码) de su familiar: 18 caracteres, como en su documento; revise el último.
field-error-guides = Trámites: elija al menos un trámite que pueda hacer su familiar.
field-error-valid-until = Válida hasta: una fecha entre hoy y dentro de un año, como 2027-05-31.
field-error-site-id = Código del punto: solo letras minúsculas, cifras y guiones, tal como lo asignó la ciudad.
field-error-site-name = Nombre del punto: escriba el nombre del punto (hasta 100 caracteres).
field-error-contact = Cómo puede llamarle el funcionario: un número de teléfono, un ID de WeChat o un correo electrónico.
field-error-backend-url = El servidor de esta ciudad se alcanza por una conexión sin protección (http:// simple), que permitiría a cualquiera en el camino leer sus datos, así que Homeward no lo usará. La lista oficial de la ciudad y sus versiones de la aplicación usan https://.
field-error-home-city = Elija una de las ciudades de la lista. Una vez elegida la ciudad de origen, no cambia.
field-error-volunteer-name = Escriba el nombre del voluntario (de 1 a 60 caracteres), distinto del de cada voluntario ya registrado.
field-error-volunteer = No se puede quitar al último voluntario: nadie podría abrir el puesto de atención.
field-error-new-pin = Un PIN necesita de 6 a 64 caracteres, y no puede ser un solo carácter repetido.
field-error-new-pin-again = Los dos PIN no coinciden. Escriba el mismo PIN dos veces.
field-error-pin = Ese no es el PIN de este voluntario. Tras cinco intentos fallidos, el nombre queda bloqueado durante 15 minutos.
field-error-walk-in-active = Se está atendiendo a un visitante en este ordenador. Termine primero su sesión.
field-error-site-mode = Este ordenador es de un punto de enlace. Para borrarlo, un voluntario debe salir antes del modo punto de enlace en el puesto de atención, lo que destruye la clave del punto.
field-error-proof-request = Esto no es un código de identidad de Homeward, o está incompleto. Escanéelo o péguelo de nuevo.
field-error-attestation = Esta confirmación es para datos distintos de los de su perfil. Pida una nueva al voluntario.
field-error-documents = Marque los documentos que ha comprobado.
letters-agent-id-hint = 18 caracteres, como en su documento de identidad de residente (居民身份证).
level-attended-either = Verificada en persona en un punto de enlace, o por vídeo
guide-identity-have = ya lo tiene
field-error-code-image = No se ha podido leer ningún código en esa imagen. Acerque la cámara, con todo el código a la vista y enfocado, o pegue el texto.
code-scan = Escanear con la cámara
code-scanning = Leyendo el código…
identity-video-declined = El funcionario no pudo confirmar su identidad por vídeo (no hubo respuesta, o los datos no coincidían con su documento). Revise sus datos y vuelva a pedirlo, o acuda a un punto de enlace.
city-title = ¿Cuál es su ciudad de origen?
city-lead = Homeward envía sus solicitudes a la ciudad que usted elija, y solo a ella. Mientras no elija, no se envía nada a ningún sitio.
city-server = Su servidor:
city-choose = Mi ciudad de origen es { $city }
city-choosing = Eligiendo…
city-once = Cada solicitud pertenece a la ciudad a la que va dirigida y solo se envía a esa ciudad. Más adelante puede cambiar de ciudad; lo que ya empezó sigue con su propia ciudad.
city-help-title = En caso de emergencia, llame ahora
connection-title = El servidor de su ciudad
connection-body = Las solicitudes van a esta dirección, y las respuestas vuelven de ella. No se envía nada sin que usted lo haga.
connection-online = Responde: conectado.
connection-offline = Ahora no responde. Lo que haga se guarda en este dispositivo y se enviará cuando responda.
connection-unknown = Aún no se ha comprobado.
connection-check = Comprobar ahora
connection-city = Ciudad de origen: { $city }, { $region }
connection-fixed = Esta dirección se fijó al iniciar la aplicación, para desarrollo y pruebas.

walk-in-receipt = Comprobante
receipt-title = El comprobante de la persona
receipt-hint = Imprímalo, o deje que la persona fotografíe el código QR. Le permite pasar las solicitudes a su propio teléfono, o ver en qué estado están.
receipt-none = En esta sesión todavía no se ha enviado nada, así que no hay comprobante que entregar.
receipt-heading = Comprobante de Homeward
receipt-code = Código de seguimiento
receipt-secret = Clave secreta
receipt-valid-until = Válido hasta
receipt-not-yet-sent = pendiente de envío
receipt-with-app = Con Homeward en su teléfono: abra «Enviadas», elija «Recuperar con un comprobante» y lea este código QR, o escriba el código de seguimiento y la clave secreta. Las solicitudes, las respuestas de la ciudad y sus requerimientos llegarán entonces a su teléfono.
receipt-without-app = Sin la aplicación: lleve este comprobante a un punto de enlace, donde un voluntario puede consultar el estado de sus solicitudes y ayudarle a responder a la ciudad.
receipt-keep-secret = Guarde este comprobante para usted: quien tenga la clave secreta puede quedarse con las solicitudes, una sola vez.
receipt-print = Imprimir el comprobante
take-over-title = Recuperar con un comprobante
take-over-intro = ¿Un punto de enlace envió solicitudes por usted y le dio un comprobante? Páselas a este dispositivo: las respuestas y los requerimientos de la ciudad llegarán aquí.
take-over-code = Código de seguimiento
take-over-secret = Clave secreta
take-over-scan-hint = O lea el código QR en una foto del comprobante.
take-over-submit = Pasar las solicitudes a este dispositivo
take-over-look = Solo ver en qué estado están
take-over-claimed = Estas solicitudes ya se pasaron a una aplicación; sígalas allí.
field-error-receipt = No hay ningún comprobante con este código de seguimiento y esta clave secreta, ha caducado, u otro dispositivo ya se quedó con sus solicitudes.
field-error-receipt-code = El código de seguimiento: las 8 letras y cifras impresas en el comprobante.
field-error-receipt-secret = La clave secreta: las 16 letras y cifras impresas en el comprobante.
receipt-track-online = O vea en qué estado están en un navegador, con el código de seguimiento y la clave secreta:
desk-my-pin = Su propio PIN
desk-my-pin-hint = Usted está de turno: escriba de nuevo su PIN para añadir un voluntario.
desk-remove-my-pin-hint = Para quitar a un voluntario, escriba primero aquí su propio PIN.
field-error-my-pin = No es su PIN. Escriba el PIN con el que abre el puesto de atención.
walk-in-handed-over = La persona pasó sus solicitudes a su propio teléfono con el comprobante. Su sesión se ha borrado; no queda nada suyo en este ordenador.

## Countries of residence, for the notices that concern the person
country-it = Italia
country-fr = Francia
country-es = España
country-de = Alemania
country-nl = Países Bajos
country-be = Bélgica
country-pt = Portugal
country-at = Austria
country-ch = Suiza
country-gb = Reino Unido
country-ie = Irlanda
country-gr = Grecia
country-hu = Hungría
country-cz = Chequia
country-pl = Polonia
country-ro = Rumanía
country-rs = Serbia
country-se = Suecia
country-za = Sudáfrica
country-ng = Nigeria
country-ao = Angola
country-ke = Kenia
country-gh = Ghana
country-ae = Emiratos Árabes Unidos
country-sa = Arabia Saudí
country-us = Estados Unidos
country-ca = Canadá
country-mx = México
country-br = Brasil
country-ar = Argentina
country-pa = Panamá
country-pe = Perú
country-cl = Chile
country-jp = Japón
country-kr = Corea del Sur
country-sg = Singapur
country-my = Malasia
country-th = Tailandia
country-ph = Filipinas
country-id = Indonesia
country-vn = Vietnam
country-kh = Camboya
country-au = Australia
country-nz = Nueva Zelanda
notice-notification-title = Alerta de seguridad: { $title }
field-error-residence-country = País donde vive: elija uno de la lista, o ninguno.

## Notices
notices-title = Avisos y alertas de seguridad
notices-lead = Alertas de seguridad para el país donde vive, cambios en la forma de hacer un trámite y puntos de enlace cerrados. Se pueden leer sin conexión.
notices-country-label = País donde vive
notices-country-hint = Solo se usa en este teléfono u ordenador para elegir los avisos y la embajada que le corresponden; nunca se envía.
notices-country-none = Sin elegir (solo los avisos para todos)
notices-refused = No se han podido verificar los últimos avisos de la ciudad, así que se muestran los últimos verificados.
notices-checked = Última comprobación con la ciudad: { $time }
notices-never-checked = Aún no se ha comprobado con la ciudad.
notices-none-for = Ahora no hay avisos para este país: { $country }.
notices-none = Ahora no hay avisos para todos. Elija su país para ver los del lugar donde vive.
notices-from = publicado por { $signer }
notices-where = Dónde
notices-sites = Puntos de enlace
notices-until = Hasta
notices-alerts-label = Alertas de seguridad
notices-open = { $count ->
    [0] Avisos para el país donde vive
    [one] { $count } aviso para el país donde vive
   *[other] { $count } avisos para el país donde vive
}
notice-kind-safety-alert = Alerta de seguridad
notice-kind-service-change = Cambio en un trámite
notice-kind-site-closure = Punto de enlace cerrado

## Embassies and consulates
contacts-missions = La embajada y los consulados de China donde usted vive
contacts-missions-choose = Elija el país donde vive para ver su embajada y sus consulados de China.
contacts-missions-none = Todavía no figura ninguna embajada ni consulado para este país: { $country }. Llame a la línea 12308 que aparece abajo; atiende a todos los países.
contacts-mission-area = Demarcación consular
contacts-mission-protection = Protección consular, 24 horas
contacts-source = Fuente, con fecha { $date }:
mission-kind-embassy = Embajada
mission-kind-consulate-general = Consulado general

# Switching the current home city
home-city-switch = Ciudad de origen: { $city } · Cambiar
text-size-label = Tamaño del texto
text-size-option = { $percent } %
city-switch-title = Cambiar de ciudad de origen
city-switch-lead = Las guías que se muestran y las solicitudes nuevas son para la ciudad que elija. Las solicitudes que ya empezó o envió siguen con su propia ciudad y solo se envían a su servidor.
city-current = Ciudad actual
city-switch-to = Cambiar a { $city }
draft-withdrawn-tag = Ya no se ofrece
draft-withdrawn = La ciudad ya no ofrece este trámite en su catálogo. Sus respuestas y documentos se conservan: puede imprimir esta solicitud, exportarla con sus datos o eliminarla, pero ya no se puede enviar.

# A request for more material, in the person's language
outbox-request = La oficina le pide que vuelva a enviar estos documentos:
outbox-request-reason = Motivo: { $reason }
outbox-officer-words = En palabras del funcionario:
outbox-event-message = La oficina le ha escrito{ $documents ->
    [0] {""}
    [one] , con un documento
   *[other] , con { $documents } documentos
}
conversation-title = Mensajes con la oficina
conversation-intro = Haga una pregunta o envíe un documento sobre esta solicitud. Sin conexión, los mensajes esperan en este dispositivo y salen en cuanto tenga conexión; las respuestas y los documentos de la oficina aparecen aquí.
conversation-empty = Todavía no hay mensajes.
conversation-you = Usted
conversation-office = La oficina
conversation-waiting = Pendiente de envío
conversation-delivered = Entregado
conversation-document-size = { $kilobytes } KB
conversation-document-saved = Guardado en { $path }
conversation-document-open = Abrirlo
conversation-save-document = Guardar
conversation-write = Su mensaje
conversation-attach = Adjuntar una foto o un PDF
conversation-remove-attachment = Quitar
conversation-send = Enviar el mensaje
notify-office-message = { $reference } · La oficina le ha escrito{ $documents ->
    [0] {""}
    [one] , con un documento
   *[other] , con { $documents } documentos
}. Abra Homeward para leerlo.
field-error-message-text = Su mensaje: escriba algo (hasta 4000 caracteres), o adjunte un documento.
field-error-message-attachments = Documentos: un mensaje lleva como máximo 5; envíe los demás en un segundo mensaje.
field-error-message-application = Podrá escribir a la oficina cuando la solicitud haya llegado y tenga una referencia.
field-error-file = El archivo: una foto (JPEG, PNG o WebP) o un PDF, de hasta 30 MB.
request-reason-missing = no se envió
request-reason-unreadable = no se puede leer (borroso, cortado o demasiado oscuro)
request-reason-expired = está caducado
request-reason-wrong-document = no es el documento que se pidió
request-reason-needs-translation = necesita una traducción al chino
request-reason-needs-certification = debe estar certificado por notario o legalizado
request-reason-incomplete = faltan páginas o caras
