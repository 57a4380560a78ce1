## The homeward command line.

cli-error = Error
cli-catalog-ok = { $count } guides checked: no problems found.
cli-catalog-problems = { $count ->
    [one] Found 1 problem in the catalogue.
   *[other] Found { $count } problems in the catalogue.
}
cli-pack-written = Wrote { $path } with { $count } guides.
cli-pack-stale = { $path } is out of date: run `{ $command }` and commit the result.
cli-pack-current = { $path } (version { $version }) matches its sources.
cli-cities-written = Wrote { $path } with { $count ->
        [one] one home city
       *[other] { $count } home cities
    }.
cli-verify-ok = The signature is valid: catalogue version { $version }, { $count } guides.
cli-verify-failed = The pack was refused
cli-keygen-done = Secret key written to { $path }. Keep it offline; put the public key above in catalog/keys/content-key.pub.
cli-search-none = No guide matches.
cli-check-valid = Valid: { $value }
cli-check-invalid = Not valid: { $reason }
cli-check-warning = Check this
cli-check-unknown-type = Unknown type "{ $type }". Use one of: { $types }.

cli-admin-token = That is your sign-in token: set HOMEWARD_ADMIN_TOKEN to it for the other commands.
cli-admin-none = No applications match.
cli-admin-signature-ok = device signature verified
cli-admin-signature-bad = device signature does NOT verify
cli-admin-revision = { $revision ->
    [0] First submission
   *[other] Revision { $revision }
}
cli-admin-staff-added = Staff account { $username } added.
cli-admin-staff-disabled = Staff account { $username } disabled; its sessions have ended.
cli-admin-access-more = Older entries wait: add --before { $seq }.
cli-admin-device-revoked = Device key revoked: the backend refuses it from now on.
cli-admin-signer-trusted = trusted
cli-admin-signer-revoked = revoked

cli-notices-ok = { $count ->
    [one] 1 notice checked: no problems found.
   *[other] { $count } notices checked: no problems found.
}
cli-notices-problems = { $count ->
    [one] 1 problem found: nothing was published.
   *[other] { $count } problems found: nothing was published.
}
cli-notices-published = Published notice { $id }: the feed is now version { $version } with { $count ->
    [one] 1 notice
   *[other] { $count } notices
}.
cli-notices-withdrawn = Withdrew notice { $id }: the feed is now version { $version }.
cli-notices-not-found = The feed signed by this key has no notice { $id }.
cli-notices-untrusted-key = No city in the list of cities trusts the key { $key } to sign notices: apps would refuse its feed.
cli-notices-kind-not-allowed = The list of cities does not trust this key to publish a { $kind } notice.
cli-notices-published-refused = The feed the backend holds for this key does not check out, so it is replaced
cli-notices-none = The backend publishes no notices.
cli-notices-feed-refused = Refused: apps show none of this feed
