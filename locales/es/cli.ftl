## The homeward command line.

cli-error = Error
cli-catalog-ok = { $count } guías comprobadas: no se han encontrado problemas.
cli-catalog-problems = { $count ->
    [one] Se ha encontrado { $count } problema en el catálogo.
   *[other] Se han encontrado { $count } problemas en el catálogo.
}
cli-pack-written = Escrito { $path } con { $count } guías.
cli-pack-stale = { $path } está desactualizado: ejecute `{ $command }` y haga commit del resultado.
cli-pack-current = { $path } (versión { $version }) coincide con sus fuentes.
cli-cities-written = Escrito { $path } con { $count ->
        [one] { $count } ciudad de origen
       *[other] { $count } ciudades de origen
    }.
cli-verify-ok = La firma es válida: catálogo versión { $version }, { $count } guías.
cli-verify-failed = El paquete se ha rechazado
cli-keygen-done = Clave secreta escrita en { $path }. Guárdela sin conexión; ponga la clave pública de arriba en catalog/keys/content-key.pub.
cli-search-none = Ninguna guía coincide.
cli-check-valid = Válido: { $value }
cli-check-invalid = No válido: { $reason }
cli-check-warning = Revise esto
cli-check-unknown-type = Tipo desconocido «{ $type }». Use uno de estos: { $types }.

cli-admin-token = Ese es su token de inicio de sesión: asígnelo a HOMEWARD_ADMIN_TOKEN para los demás comandos.
cli-admin-none = Ninguna solicitud coincide.
cli-admin-signature-ok = firma del dispositivo verificada
cli-admin-signature-bad = la firma del dispositivo NO es válida
cli-admin-revision = { $revision ->
    [0] Primer envío
   *[other] Envío complementario n.º { $revision }
}
cli-admin-staff-added = Cuenta de personal { $username } añadida.
cli-admin-staff-disabled = Cuenta de personal { $username } desactivada; sus sesiones han terminado.
cli-admin-access-more = Hay registros anteriores: añada --before { $seq }.
cli-admin-device-revoked = Clave del dispositivo revocada: el servidor la rechaza a partir de ahora.
cli-admin-signer-trusted = de confianza
cli-admin-signer-revoked = revocada

cli-notices-ok = { $count ->
    [one] { $count } aviso comprobado: no se han encontrado problemas.
   *[other] { $count } avisos comprobados: no se han encontrado problemas.
}
cli-notices-problems = { $count ->
    [one] Se ha encontrado { $count } problema: no se ha publicado nada.
   *[other] Se han encontrado { $count } problemas: no se ha publicado nada.
}
cli-notices-published = Aviso { $id } publicado: el canal está ahora en la versión { $version } con { $count ->
    [one] { $count } aviso
   *[other] { $count } avisos
}.
cli-notices-withdrawn = Aviso { $id } retirado: el canal está ahora en la versión { $version }.
cli-notices-not-found = El canal firmado por esta clave no tiene ningún aviso { $id }.
cli-notices-untrusted-key = Ninguna ciudad de la lista de ciudades confía en la clave { $key } para firmar avisos: las aplicaciones rechazarían su canal.
cli-notices-kind-not-allowed = La lista de ciudades no confía en esta clave para publicar un aviso de tipo { $kind }.
cli-notices-published-refused = El canal que el servidor guarda para esta clave no supera la comprobación, así que se sustituye
cli-notices-none = El servidor no publica ningún aviso.
cli-notices-feed-refused = Rechazado: las aplicaciones no muestran nada de este canal
