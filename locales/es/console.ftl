## The back-office console (city staff)
console-title = Homeward · Consola de gestión
console-sign-in = Acceso del personal
console-sign-out = Cerrar sesión
console-username = Nombre de usuario
console-password = Contraseña
console-applications = Solicitudes
console-filter-status = Estado
console-filter-any = Todos
console-filter-guide = Identificador del trámite
console-filter-apply = Filtrar
console-col-reference = Referencia
console-col-service = Trámite
console-col-status = Estado
console-col-department = Departamento
console-col-updated = Último cambio
console-none = Ninguna solicitud coincide.
console-next-page = Página siguiente
console-back = Volver a las solicitudes
console-revision = { $revision ->
    [0] Primer envío
   *[other] Envío complementario n.º { $revision }
}
console-signature-verified = Firma del dispositivo verificada
console-signature-failed = La firma del dispositivo no es válida
console-identity = Identidad:
console-identity-self-asserted = Sin verificar (declaración del solicitante)
console-proven-person = Las pruebas de identidad corresponden a esta persona; compárelas con las respuestas de abajo:
console-device-key = Clave del dispositivo
console-materials = Documentos
console-no-materials = No hay documentos adjuntos.
console-decide = Resolver
console-decision-status = Nuevo estado
console-decision-message = Mensaje al solicitante, con sus propias palabras (se le muestra como palabras del funcionario)
console-decision-submit = Guardar la resolución
console-route = Remitir a un departamento
console-route-department = Departamento
console-route-submit = Remitir
console-timeline = Historial
console-event-routed = Remitida a: { $department }
console-event-access = { $staff } abrió la solicitud
console-event-message-person = El solicitante escribió{ $documents ->
    [0] {""}
    [one] , con un documento
   *[other] , con { $documents } documentos
}
console-event-message-office = { $staff } escribió al solicitante{ $documents ->
    [0] {""}
    [one] , con un documento
   *[other] , con { $documents } documentos
}
console-conversation = Mensajes
console-conversation-back = Volver a la solicitud
console-conversation-intro = Mensajes entre el solicitante y la oficina. Su lectura de esta página queda anotada en el registro de accesos, y el solicitante puede verla.
console-conversation-none = Todavía no hay mensajes.
console-conversation-open = Mensajes ({ $count ->
    [one] { $count } mensaje
   *[other] { $count } mensajes
})
console-conversation-waiting = Pendiente de respuesta
console-speaker-person = El solicitante
console-speaker-office = { $staff } (oficina)
console-document-size = { $kilobytes } KB
console-reply = Escribir al solicitante
console-reply-text = Mensaje
console-reply-document = Documento (una resolución, un justificante, una cita)
console-reply-document-hint = PDF, JPEG o PNG, de hasta { $megabytes } MB. La aplicación del solicitante lo conserva y puede guardarlo.
console-reply-submit = Enviar
console-error-title = No se ha podido hacer
console-letters = Comprobar una autorización
console-letters-intro = Escanee el código QR de la autorización, o escriba o pegue el texto impreso debajo.
console-letter-token = Texto bajo el código QR
console-letter-check = Comprobar la autorización
console-letter-valid = Válida: el familiar puede actuar en nombre de la persona en estos trámites.
console-letter-revoked = Revocada por la persona: no la acepte.
console-letter-expired = Caducada: no la acepte.
console-letter-not-yet-valid = Aún no es válida: no la acepte.
console-letter-unknown-signer = No la firmó un dispositivo conocido por la ciudad, o la clave del dispositivo se revocó: no la acepte.
console-letter-identity-not-proven = La identidad de la persona nunca se acreditó en persona ni por vídeo para esta autorización, o la prueba no corresponde a la persona nombrada: cualquiera podría haberla escrito. No la acepte.
console-letter-too-long = Dura más de un año, lo que ninguna autorización puede: no la acepte.
console-letter-not-entrustable = Incluye un trámite que no se puede encargar a un familiar: no la acepte.
console-letter-tampered = Dañada o alterada: no la acepte.
console-letter-principal = Persona que autoriza
console-letter-agent = Familiar autorizado
console-letter-services = Trámites
console-letter-validity = Validez
console-proofing = Verificación de identidad por vídeo
console-proofing-intro = Personas que han pedido verificarse por vídeo. Llámelas, compare a la persona y su pasaporte o documento de identidad con los datos de abajo y luego certifique.
console-proofing-none = No hay nadie esperando.
console-proofing-requested = Pedida el
console-proofing-contact = Contacto:
console-proofing-call = Verificar por vídeo
console-proofing-level = Qué ha hecho
console-proofing-confirm = He visto a la persona por vídeo, y ella y su documento coinciden con estos datos.
console-proofing-attest = Certificar
console-proofing-done = Certificada por { $officer } el { $time }. La aplicación de la persona la recibe la próxima vez que busque novedades.
console-revoke-device = Revocar la clave de este dispositivo
console-revoke-device-body = Para un teléfono perdido o robado, cuando la persona lo pida: la ciudad rechaza a partir de ahora todo lo que firme esta clave, y sus autorizaciones dejan de valer. La persona vuelve a acreditar su identidad en su nuevo dispositivo.
console-revoke-device-confirm = La persona lo ha pedido, y he comprobado quién es.
console-proofing-decline = Cerrar sin confirmar
console-proofing-decline-body = Si no ha podido contactar con la persona, o ella o su documento no coincidían con estos datos. Su aplicación se lo comunica, y puede volver a pedirlo o acudir a un punto de enlace.
console-proofing-declined = Cerrada sin confirmar por { $officer } el { $time }. La aplicación de la persona se lo comunica.
console-scope = Ve las solicitudes remitidas a: { $department }.
console-accounts = Cuentas del personal
console-account-role = Cargo
console-account-state = Situación
console-account-you = Su cuenta
console-account-disabled = Desactivada el { $time }
console-account-disable = Desactivar
console-account-disable-confirm = Cerrar ya todas sus sesiones
console-account-add = Añadir una cuenta
console-account-password-hint = Al menos 12 caracteres. Entréguela a la persona en mano, nunca por correo electrónico.
console-account-department-hint = Para un revisor: solo ve las solicitudes remitidas a este departamento. Déjelo vacío para quien recibe y reparte todas las solicitudes.
console-role-reviewer = Revisor
console-role-officer = Funcionario (también verifica identidades por vídeo)
console-role-administrator = Administrador (también cuentas y claves)
console-access-log = Registro de accesos
console-access-log-intro = Cada apertura de una solicitud, lectura de sus mensajes, descarga de un documento, consulta de una petición de verificación de identidad y comprobación de una autorización, y cada cambio en cuentas y claves, con quién lo hizo. Las personas ven en su aplicación los registros que les afectan, con el cargo y el departamento, pero sin el nombre.
console-access-none = Todavía no hay nada registrado.
console-access-when = Cuándo
console-access-action = Qué
console-access-about = Sobre
console-access-older = Registros anteriores
console-access-opened-application = Abrió la solicitud
console-access-downloaded-document = Descargó un documento
console-access-read-conversation = Leyó los mensajes
console-access-viewed-proofing-request = Consultó una petición de verificación de identidad
console-access-checked-letter = Comprobó una autorización
console-access-revoked-device = Revocó la clave de un dispositivo
console-access-added-account = Añadió una cuenta
console-access-disabled-account = Desactivó una cuenta
console-access-added-site = Registró un punto de enlace
console-access-revoked-signer = Revocó una clave de firma
console-queue-earlier = Peticiones anteriores
console-queue-later = Peticiones posteriores

console-sites = Puntos de enlace
console-sites-intro = Cada punto de enlace con clave registrada, y en qué ayudaron sus voluntarios: visitantes que enviaron al menos una solicitud desde el ordenador del punto, y las solicitudes enviadas. Solo cifras; nada sobre las personas atendidas.
console-sites-none = Todavía no hay ningún punto de enlace registrado.
console-site-name = Punto
console-site-standing = Clave
console-site-helped = Visitantes atendidos
console-site-sent = Solicitudes enviadas
console-site-registered = registrada el { $when }
console-site-revoked = revocada el { $when }
console-assisted = Enviada desde la sesión de un visitante en el punto de enlace
console-assisted-volunteer = con la ayuda del voluntario

track-app = Homeward
track-title = En qué estado están sus solicitudes
track-intro = Escriba el código de seguimiento y la clave secreta impresos en el comprobante que le dio un punto de enlace. Verá la referencia y el estado de cada solicitud, nada más.
track-code = Código de seguimiento
track-secret = Clave secreta
track-submit = Consultar
track-malformed = Escriba los 8 caracteres del código de seguimiento y los 16 de la clave secreta, tal como están impresos en el comprobante.
track-unknown = Ningún comprobante tiene este código de seguimiento y esta clave secreta, o ha caducado. Compare lo que ha escrito con el comprobante.
track-too-many = Se han consultado demasiados comprobantes desde aquí en la última hora. Inténtelo más tarde.
track-claimed = Estas solicitudes se pasaron a la aplicación Homeward de un teléfono; sígalas allí.
track-reference = Referencia
track-service = Trámite
track-status = Estado
track-updated = Último cambio (hora de Pekín)
track-answer-at-site = Si la ciudad pide más documentación, lleve este comprobante a un punto de enlace: un voluntario puede ayudarle a responder.

console-request = Pedir documentos
console-request-hint = Marque los documentos que hay que enviar de nuevo e indique el motivo: el solicitante lee la petición en su propio idioma. Añada sus propias palabras abajo si hace falta.
console-request-reason = Motivo
console-request-reason-none = Sin petición (explíquelo por escrito)
console-event-request = pidió: { $documents } ({ $reason })
