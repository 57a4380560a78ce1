## The app's interface.

app-name = Homeward
nav-home = Back to home
nav-back = Back
language-switch-label = Language
loading = Loading…

## The connection to the city's server

status-offline = Offline: using the guides on this device. What you type is saved here.
status-online = Connected
status-update-refused = Connected. The city's latest guides could not be verified, so the verified ones on this device stay in use.
status-checking = Checking the connection…
status-retry = Try again

## When the app cannot start

fatal-title = Homeward cannot open your data
fatal-hint = Nothing has been lost. Restart the app; if this keeps happening, contact your nearest liaison site.
fatal-start-again = Start again (keep the old data aside)

## Errors, by code

error-invalid-input = Something you entered is not in the expected format. Check it and try again.
error-not-found = This item could not be found. It may have been deleted.
error-storage = Homeward cannot read or write its data on this device. Make sure there is free space, then try again.
error-keyring = Homeward cannot reach the system keyring; your data stays encrypted. Unlock the keyring, then restart the app.
error-keys-missing = The keys that lock your Homeward data are missing from this device's keyring, so your drafts and applications cannot be read. If you have a backup of the keyring, restore it and restart the app. Otherwise, start again: your old data is kept aside, locked, in case the keys come back.
error-no-key-store = This device has no safe place for Homeward's keys, so the app cannot keep your data safe and does not start. Use Homeward on a phone or computer with a system keyring.
error-no-home-city = Choose your home city first: the app sends to the city you choose.
error-offline = The city's server cannot be reached right now. Homeward will try again when you are online.
error-backend = The city's server cannot handle this right now. Try again later.
error-no-font = This device has no font for Chinese, so the PDF cannot be made. Use Print instead.
error-unsigned = This application is missing your device's signature, so the city cannot tell it came from you. Update the app and send it again.
error-bad-signature = This application was altered on its way and its signature no longer matches, so it was refused. Send it again.
error-replayed = This application's signature has expired. Check your phone's date and time, then send it again.
error-unknown-device = The city does not know this device's key, or the key was withdrawn. Verify your identity again.
error-idempotency-conflict = Two different versions of the same application were sent, so it was refused. Contact a liaison site.
error-not-signed-in = Sign in first, or check the user name and password.
error-not-allowed = This account may not do that.
error-conflict = Someone else decided on this application or routed it while you had it open, so your decision was not recorded. Open it again to see what they did, then decide.
error-material-not-uploaded = A document has not finished uploading; the app uploads it first and sends again.
error-consent-required = Before sending, agree to the processing of your sensitive data and to sending it to China.
error-too-many-attempts = Too many failed sign-ins for this name. Try again in 15 minutes.
error-desk-locked = The desk is locked. A volunteer must open it with their PIN.
error-attestation-tampered = The identity confirmation is damaged or was altered after it was signed. Ask for a new one.
error-unknown-signer = The identity confirmation was signed by a liaison site or officer the city does not know.
error-revoked-signer = The liaison site or officer that confirmed your identity is no longer trusted by the city. Have your identity confirmed again.
error-attestation-other-device = The identity confirmation was made for another device. Confirm your identity on this device.
error-attestation-expired = The identity confirmation has expired. Have your identity confirmed again.
error-attestation-other-person = The identity confirmation proves someone else than the person this application is for. Check your details, or have your identity confirmed again.
error-revision-other-service = This update names a different service from the application it belongs to, so it was refused. Start a new application for the other service.
error-identity-level-too-low = This service needs a stronger proof of your identity. See "My identity" for how to get it.
error-device-revoked = This device's key was withdrawn, as for a lost phone: the city takes nothing it signs. Erase the app's data in "My details and privacy", set it up again and verify your identity anew.
error-too-large = This is larger than the city's server takes. Attach a smaller document, or fewer at once.
error-timed-out = The connection was too slow to finish in time. The app tries again by itself.
error-quota-exceeded = You have sent as much as the city's server takes from one phone for now. The app tries again later by itself.
error-insufficient-storage = The city's server is short of space and takes no new documents for now. The app tries again later by itself.
error-internal = Something unexpected went wrong. Your data has not been lost. Restart the app.

## Home

home-title = Handle your affairs at home, from abroad
home-lead = { $city }'s service guides for people living overseas, readable offline. Each says whether it needs a trip home, and how many.
home-drafts-title = Your applications
home-drafts-more = Show more applications
draft-answered = { $count ->
    [one] 1 answer
   *[other] { $count } answers
}
draft-updated = updated { $when }
catalogue-version = Guide catalogue version { $version } · { $date }

## Categories

category-household-registration = Household registration (hukou)
category-identity-card = Resident ID card
category-entry-exit = Entry and exit
category-driving-vehicles = Driving licences and vehicles
category-real-estate = Real estate
category-notarisation = Notarisation and certification
category-social-insurance = Social insurance and pensions
category-medical-insurance = Medical insurance
category-housing-fund = Housing provident fund
category-civil-affairs = Civil affairs and marriage
category-tax = Tax
category-overseas-chinese = Overseas Chinese affairs
category-education = Education
category-legal-services = Legal services
category-consultation = Enquiries and petitions

## Badges

badge-no-trip = No trip needed
badge-one-trip = One trip at most
badge-entrustable = A relative can do it for you

## A guide

guide-start = Start an application
guide-your-drafts = Your unsent applications
guide-time-limit = Time limit
guide-time-limit-same-day = Done on the spot
guide-time-limit-days = { $days ->
    [one] 1 working day
   *[other] { $days } working days
}
guide-fees = Fees
guide-department = Handled by
guide-channels = Ways to apply
guide-who = Who can apply
guide-conditions = Conditions
guide-materials = What you need
guide-steps = How it works
guide-entrust = Having a relative do it
guide-entrust-lead = A relative in China can take care of the counter step for you. They bring:
guide-legal-basis = Legal basis
guide-reviewed = Version { $version }, reviewed { $date }
guide-translation-note = Translated from the Chinese for your convenience. The Chinese text is the one the office applies; the official names of documents and offices are given in Chinese beside the translation.
material-original = original
material-copy = copy
material-original-or-copy = original or copy
material-count = × { $count }
channel-online = Fully online
channel-liaison-site = With a liaison site abroad
channel-counter-in-china = At a counter in China (can be entrusted)

## Filling in an application

draft-eyebrow = Application draft · { $city }
draft-autosave-hint = Every answer is saved as you type.
draft-saving = Saving…
draft-saved = Saved on this device
draft-save-failed = Could not save. Try again.
field-choose = Choose one
field-yes = Yes
field-no = No
field-optional = (optional)

## Search

search-label = Search the services
search-placeholder = Search: licence, hukou, proof of life…
search-results = { $count ->
    [one] 1 service found
   *[other] { $count } services found
}
search-none = Nothing matches. Try other words, or ask a help line.
search-clear = Clear the search
search-ask = See the help lines
home-categories = Categories

## Help and liaison sites

nav-help = Help
contacts-title = Help lines and liaison sites
contacts-lead = Not sure what to do? Call, or visit the nearest liaison site, where volunteers help you in person.
contacts-help-lines = Help lines
contacts-sites = Liaison sites abroad
contacts-call = Call
contacts-write = E-mail
contacts-address = Address
contacts-hours = Opening hours
contacts-languages = Languages

## Materials checklist

materials-progress = { $done } of { $total } ready (ticks are kept on this device only)
material-conditional = only some applicants
material-alternatives = Also accepted:
guide-time-limit-calendar-days = { $days ->
    [one] 1 day
   *[other] { $days } days
}

## Checking and managing applications

summary-title = There is a problem
draft-check = Check my answers
draft-ready-title = Your application is complete
draft-ready-body = Every required question is answered and every answer is valid. It can be sent to the department when you are online.
draft-duplicate = Make a copy
draft-delete = Delete this application
draft-delete-confirm-title = Delete this application?
draft-delete-confirm-body = Your answers will be removed from this device. This cannot be undone.
draft-delete-confirm = Delete
draft-delete-keep = Keep it
field-date-placeholder = year-month-day, such as 1985-06-15
draft-progress = { $done } of { $total } done
status-not-started = Not started
status-in-progress = In progress
status-needs-attention = Needs attention
status-complete = Complete

## Attaching documents

material-add = Take a photo or choose a file
material-adding = Preparing…
material-camera = Take a photo
material-add-failed = This file cannot be used. Choose a photo (JPEG, PNG or WebP) or a PDF of at most 30 MB.
material-remove = Remove

## Check your answers

answers-eyebrow = Check your answers · { $city }
answers-none = Not answered
answers-change = Change
answers-print = Print
draft-review-all = See all your answers
summary-item = { $label }: { $problem }
draft-catalogue-changed = The guide was updated after you started. { $changed ->
    [0] {""}
    [one] 1 question changed: check the marked answer.
   *[other] { $changed } questions changed: check the marked answers.
} { $removed ->
    [0] {""}
    [one] 1 answer to a question no longer asked is kept on this device and will not be sent.
   *[other] { $removed } answers to questions no longer asked are kept on this device and will not be sent.
}
draft-question-changed = This question changed after you started. Check your answer.

## The printable application (PDF)
pdf-eyebrow = Application
pdf-not-answered = Not answered
pdf-attached = { $count ->
    [one] { $count } document attached
   *[other] { $count } documents attached
}
pdf-status = Status
pdf-status-complete = Complete
pdf-status-incomplete = Not complete: { $count ->
    [one] { $count } answer needs attention
   *[other] { $count } answers need attention
}
pdf-department = Department
pdf-reference = Reference
pdf-generated = Made on
pdf-incomplete-note = This application is not complete yet. It can be sent once every answer marked "Needs attention" is done.
pdf-needs-attention = Needs attention
pdf-declaration = I declare that the answers and the documents attached are true, accurate and complete.
pdf-signature = Applicant's signature
pdf-date = Date
pdf-page = Page { $page } of { $pages }
answers-pdf = Make a PDF
answers-pdf-working = Making the PDF…
answers-pdf-saved = PDF saved to { $path }
answers-pdf-open = Open the PDF

## Sending and the outbox
nav-outbox = Sent
send-application = Send to the city
send-consent-title = Send this application?
send-consent-body = Your answers and the list of your documents go through { $city }'s server to { $department }, signed with this device's key to show they come from you.
send-consent-offline = Without a connection the application waits in the outbox on this device and is sent, once, as soon as you are online.
send-confirm = Send now
send-cancel = Not yet
outbox-title = Sent applications
outbox-intro = What you have sent and whether it has arrived. Without a connection, applications wait on this device and go as soon as you are online.
outbox-empty = You have not sent any applications yet.
outbox-waiting = Waiting to send
outbox-sending = Sending
outbox-set-aside = Not delivered
outbox-delivered = Delivered
outbox-waiting-first = Saved on this device; it goes as soon as you are online.
outbox-waiting-next = { $attempts ->
    [one] Tried once; next try at { $time }.
   *[other] Tried { $attempts } times; next try at { $time }.
}
outbox-retry = Send again
outbox-reference = Reference
outbox-received-at = Received by the city at { $time }
outbox-progress = { $sent } of { $total } KB sent

## Where an application stands at the city
application-status-received = Received
application-status-in-review = In review
application-status-more-material-needed = More material needed
application-status-approved = Approved
application-status-rejected = Rejected
application-status-completed = Completed
outbox-add-material = Add the material and send again
outbox-send = { $revision ->
    [0] First sent
   *[other] Revision { $revision }
}
outbox-timeline = What happened (including every time staff opened it)
outbox-event-routed = Passed to { $department }
outbox-event-access = { $role ->
        [administrator] An administrator
        [officer] An officer
       *[reviewer] A reviewer
    } at the city opened your application
outbox-event-access-department = { $role ->
        [administrator] An administrator
        [officer] An officer
       *[reviewer] A reviewer
    } of { $department } opened your application
send-revision = Send the revision

## My details and privacy
privacy-link = My details and privacy
privacy-title = My details and privacy
privacy-intro = Your details stay in the encrypted database on this device and go to the city only when you send an application. You can export or erase all of it at any time.
profile-title = Your details
profile-why = Used only for the services you choose and to check your identity in person.
profile-name-han = Name in Chinese characters
profile-name-han-hint = As on your ID card or household register; rare characters work too
profile-name-pinyin = Name in pinyin
profile-name-pinyin-hint = As on your passport, such as WANG XIAOMING
profile-birth-date = Date of birth
profile-id-number = Resident ID number
profile-id-number-hint = If you have one; give at least one of this and your passport number
profile-passport = Passport number
profile-passport-hint = Such as E12345678
profile-save = Save
profile-saved = Saved on this device
consents-title = Consents
consents-intro = Each is given on its own and can be withdrawn at any time. Without them no new application can be sent; what was sent before is not affected.
consent-sensitive-data = Sensitive personal data
consent-sensitive-data-body = I agree that my identity document numbers and photos of my documents are processed for the services I choose (PIPL arts. 28 and 29).
consent-cross-border = Sending to China
consent-cross-border-body = I agree that the personal data in my applications is sent from the country I live in to the departments of the home city each application is for (PIPL arts. 38 and 39; GDPR).
consent-given-at = Given on { $time }
consent-withdrawn-at = Withdrawn on { $time }
consent-not-given = Not given
consent-give = Give consent
consent-withdraw = Withdraw consent
access-title = Who at the city read my data
access-body = The city records every time its staff open your application, download one of your documents, read your request for identity verification or check a letter you signed. Here you see each time, with their role and department. Asking sends nothing but this device's signature.
access-show = Show
access-refresh = Show again
access-none = No one at the city has read anything of yours.
access-older = Show older entries
access-entry = { $by } { $action }
access-by = { $role ->
        [administrator] An administrator
        [officer] An officer
       *[reviewer] A reviewer
    }
access-by-department = { $role ->
        [administrator] An administrator
        [officer] An officer
       *[reviewer] A reviewer
    } of { $department }
access-action-opened-application = opened your application { $reference }
access-action-downloaded-document = downloaded a document of your application { $reference }
access-action-read-conversation = read the conversation on your application { $reference }
access-action-viewed-proofing-request = read your request for identity verification, with your details
access-action-checked-letter = checked an entrustment letter you signed
access-action-revoked-device = withdrew this device's key
access-action-other = changed the city's accounts or keys
export-title = Export all my data
export-body = Everything the app keeps about you (details, consents, drafts, documents, what you sent and the receipts) goes into your downloads folder.
export-button = Export
export-done = Exported to { $path }
erase-title = Erase all my data
erase-body = Removes every draft, document, detail, consent and key from this device. Applications already sent to the city are not affected. This cannot be undone.
erase-confirm = Erase everything on this device? The app closes afterwards.
erase-button = Erase all my data
erase-done = Erased. The app is closing.

## My identity and site mode
identity-link = My identity
identity-title = My identity
identity-level-now = Your identity is proven at
level-self-asserted = Not verified (your own word)
level-documents-reviewed = Documents reviewed remotely
level-onsite-attended = Verified in person at a liaison site
level-remote-attended = Verified by video with an officer
level-self-asserted-means = Enough for enquiries and certificates about yourself. Most services need more.
level-documents-reviewed-means = Enough for services that need your documents checked, but not for those that need you seen in person.
level-onsite-attended-means = Enough for every service in the catalogue.
level-remote-attended-means = Enough for every service in the catalogue.
identity-in-person = Verify in person at a liaison site
identity-in-person-body = Bring your passport or resident ID card to a liaison site. Show the volunteer the code below; they check your documents face to face and give you a confirmation. Neither device needs a connection.
identity-profile-needed = First fill in your details (name, date of birth and a document number): the code carries them for the volunteer to compare with your documents.
identity-show-code = Show my identity code
identity-code-hint = Let the volunteer scan this code, or copy the text to them. It contains your details, so show it only to the volunteer.
qr-image-label = QR code
code-text-label = The same as text
identity-paste-label = Confirmation from the volunteer
identity-paste-hint = Scan the volunteer's code, or paste the text they give you.
identity-add = Add the confirmation
identity-added = Confirmation added.
identity-other-ways = Other ways
identity-way-documents = If the video call cannot show you clearly, the officer may still confirm your documents (documents reviewed): enough for most services, but not for those that need you seen in person or by video.
identity-find-site = Find a liaison site
identity-attestations = Confirmations on this device
attestation-by-site = by liaison site { $site }
attestation-by-officer = by officer { $officer }
attestation-dates = given { $issued }, valid until { $expires }
attestation-not-current = Not valid now
document-passport = Passport
document-id-card = Resident ID card
guide-identity = Identity needed
guide-identity-how = How to prove it
site-link = Liaison site mode (for volunteers)
site-title = Liaison site mode
site-intro = For volunteers at a liaison site: read a person's identity code, check their documents face to face, and sign a confirmation with this site's key. Nothing of theirs is kept on this laptop.
site-setup = Set up this laptop for a site
site-id = Site code
site-id-hint = Lower-case letters, digits and hyphens, as the city gave it: for example prato.
site-name = Site name
site-enable = Create the site key
site-signing-as = Signing as
site-key-hint = This site's public key. Send it to the city's administrator; confirmations count only once it is registered.
site-read = Read a person's code
site-read-label = The person's identity code
site-read-hint = Scan the code on their phone, or paste the text they give you.
site-read-button = Read the code
site-compare = Compare with the documents in front of you
site-compare-hint = Every detail must match the person's passport or ID card, and the photo must be of the person in front of you.
site-documents-checked = I checked
site-face-to-face = The person is here in person and matches the photo on the document.
site-sign = Sign the confirmation
site-signed = Confirmation signed
site-signed-hint = Let the person scan this code, or give them the text. It is valid for three years, for their device only.
site-next = Next person
site-leave = Leave site mode
site-leave-body = Destroys this site's key on this laptop. The city must register a new key before this laptop can sign again.
site-leave-confirm = Destroy this site's key?
desk-locked-title = The desk is locked
desk-locked-intro = Choose your name and type your PIN to open the desk.
desk-volunteer = Volunteer
desk-pin = PIN or passphrase
desk-pin-hint = At least 6 characters, not all the same. Only you should know it.
desk-pin-again = The same PIN again
desk-unlock = Open the desk
desk-on-duty = On duty: { $name }
desk-idle-hint = The desk locks itself after { $minutes ->
    [one] one minute
   *[other] { $minutes } minutes
} without use. Lock it whenever you step away.
desk-lock-now = Lock now
desk-first-title = Register the first volunteer
desk-first-intro = Each volunteer at this site has a name and a PIN or passphrase of their own. The desk opens only with one of them, and every confirmation signed here records who signed it.
desk-add-title = Register another volunteer
desk-add-intro = They will open the desk with their own name and PIN.
desk-volunteer-name = Name
desk-add-volunteer = Register the volunteer
desk-volunteers = Volunteers at this site
desk-remove-volunteer = Remove
desk-remove-confirm = Remove this volunteer? They will no longer be able to open the desk.
desk-log = Site log
desk-log-intro = When the desk was opened and locked, by whom, and how many confirmations were signed. Nothing about the people served is kept here.
site-action-volunteer-added = Volunteer registered
site-action-volunteer-removed = Volunteer removed
site-action-unlocked = Desk opened
site-action-locked = Desk locked
site-action-idle-locked = Desk locked when left idle
site-action-pin-refused = Wrong PIN
site-action-attested = Identity confirmation signed
site-action-walk-in-started = Walk-in session opened
site-action-walk-in-ended = Walk-in session ended and wiped
site-action-walk-in-sealed = Walk-in session sealed until the city receives it
walk-in-title = Walk-ins
walk-in-intro = Serve a person who came to the desk in a session of their own: their details, documents and applications are kept apart from the site and from everyone else, and wiped when the session ends.
walk-in-start = New walk-in
walk-in-active = A walk-in is being served on this laptop.
walk-in-back = Back to the walk-in
walk-in-interrupted = Sessions interrupted when the laptop stopped
walk-in-started-at = Started { $time }
walk-in-resume = Resume
walk-in-sealed-count = { $count ->
    [one] One ended session is sealed: it is sent when the city can be reached, then wiped.
   *[other] { $count } ended sessions are sealed: they are sent when the city can be reached, then wiped.
}
walk-in-wiped = The session ended. Nothing of it is left on this laptop.
walk-in-sealed = The session ended and is sealed: nobody can open it. Its applications are sent when the city can be reached, and then it is wiped.
walk-in-bar = Walk-in session
walk-in-bar-hint = Everything here belongs to the person at the desk and is wiped when the session ends.
walk-in-confirm-identity = Confirm identity
walk-in-end = End the session
walk-in-end-confirm = End this session? Drafts not sent are deleted with it; what was sent is wiped as soon as the city has it.
walk-in-confirm-title = Confirm this person's identity in person
walk-in-confirmed = Identity confirmed
walk-in-consents = Consents
walk-in-read-title = Read this to the person
walk-in-read-hint = Choose the language the person reads best, then read the text aloud or let them read it. Tick a box only when the person says yes.
walk-in-read-language = Language of the text
walk-in-read-intro = What you tell us today stays on this laptop only for this visit, locked with a key of its own. It is sent to the city only when you decide to send an application, and everything is wiped from this laptop when we finish, as soon as the city has received what you sent.
walk-in-read-choice = You may say no, or change your mind later; without these two agreements we can still help you read the guides, but not send an application.
walk-in-agrees = The person agrees

## Entrustment letters
letter-eyebrow = Letter of entrustment
letter-title = Letter of entrustment
letter-body = I, { $principal } (identity document { $document }), entrust { $agent } (resident ID number { $agent_id }) to handle on my behalf:
letter-validity = Valid from { $from } to { $until } inclusive.
letter-number = Letter number { $id }
letter-proven = The person's identity was confirmed { $level ->
        [onsite-attended] in person at liaison site { $issuer }
       *[remote-attended] by video by officer { $issuer }
    } on { $date }; the check confirms that this proof is genuine and is for this person.
letter-verify = Counter staff: scan the QR code, or submit the text below it at { $url } or in the back-office console. The letter holds only if the check says it is valid; the person may revoke it at any time.
letter-signed = Signed electronically with the key of the person's device, registered with the city.
letter-principal = Signature of the person entrusting
letters-link = Entrust a relative
letters-title = Entrust a relative
letters-intro = A letter of entrustment lets a relative in China finish a step at a counter for you. The app signs it with this device's key; print it or send the PDF to your relative. The counter scans its QR code to check it, and you can revoke it at any time.
letters-new = New letter
letters-identity-needed = Before you can entrust a relative, your identity must be confirmed in person at a liaison site or by video with an officer. The letter carries that confirmation, so a counter knows it really comes from you.
letters-agent-name = Your relative's name
letters-agent-name-hint = As on their resident ID card.
letters-agent-id = Your relative's resident ID number
letters-services = The services they may handle for you
letters-valid-until = Valid until
letters-valid-until-hint = The last day they may act for you, at most a year from today: for example 2027-05-31.
letters-sign = Sign the letter
letters-made = Letter signed.
letters-yours = Your letters
letters-to = For { $agent }
letters-valid-until-at = Valid until { $time }
letters-revoked-at = Revoked on { $time }
letters-save-pdf = Save the letter as PDF
letters-revoke = Revoke
letters-revoke-confirm = Revoke this letter? Counters will refuse it from now on.
identity-video = Verify by video
identity-video-body = An officer of the city calls you by video, sees you and your passport or ID card, and compares them with your details. It counts like a visit to a liaison site.
identity-video-contact = How the officer can call you
identity-video-contact-hint = A phone number with its country code, a WeChat id or an e-mail address.
identity-video-ask = Ask for a video call
identity-video-requested = Asked on { $time }. An officer will call you; the confirmation arrives in the app by itself.
field-error-profile = Fill in your details first: name, date of birth and a document number.
field-error-agent-name = Your relative's name: write it as on their resident ID card.
field-error-agent-id-number = Your relative's resident ID number: 18 characters, as on their card; check the last one.
field-error-guides = Services: choose at least one service your relative may handle.
field-error-valid-until = Valid until: a date from today to a year from now, like 2027-05-31.
field-error-site-id = Site code: lower-case letters, digits and hyphens only, as the city gave it.
field-error-site-name = Site name: write the site's name (up to 100 characters).
field-error-contact = How the officer can call you: a phone number, WeChat id or e-mail.
field-error-backend-url = This city's server is reached over an unprotected connection (plain http://), which would let anyone on the way read your data, so Homeward will not use it. The city's official list and builds use https://.
field-error-home-city = Choose one of the cities listed. Once a home city is chosen, it stays.
field-error-volunteer-name = Type the volunteer's name (1 to 60 characters), different from every volunteer already registered.
field-error-volunteer = The last volunteer cannot be removed: nobody could open the desk.
field-error-new-pin = A PIN needs 6 to 64 characters, and not just one character repeated.
field-error-new-pin-again = The two PINs differ. Type the same PIN twice.
field-error-pin = That is not this volunteer's PIN. After five wrong tries the name is refused for 15 minutes.
field-error-walk-in-active = A walk-in is being served on this laptop. End their session first.
field-error-site-mode = This laptop is a liaison site's. To erase it, a volunteer first leaves site mode on the desk, which destroys the site's key.
field-error-proof-request = This is not a Homeward identity code, or it was cut short. Scan or paste it again.
field-error-attestation = This confirmation is for other details than those in your profile. Ask the volunteer for a new one.
field-error-documents = Tick the documents you checked.
letters-agent-id-hint = 18 characters, as on their resident ID card.
level-attended-either = Verified in person at a liaison site, or by video
guide-identity-have = you have this
field-error-code-image = No code could be read in that picture. Hold the camera closer, with the whole code in view and in focus, or paste the text instead.
code-scan = Scan with the camera
code-scanning = Reading the code…
identity-video-declined = The officer could not confirm your identity by video (no answer, or the details did not match your document). Check your details and ask again, or visit a liaison site.
city-title = Which city is your home?
city-lead = Homeward sends your applications to the city you choose, and only there. Until you choose, nothing is sent anywhere.
city-server = Its server:
city-choose = My home is { $city }
city-choosing = Choosing…
city-once = Each application belongs to the city it is for and goes to that city only. You can switch city later; what you started stays with its own city.
city-help-title = In an emergency, call now
connection-title = Your city's server
connection-body = Applications go to this address, and answers come back from it. Nothing is sent without your action.
connection-online = It answers: connected.
connection-offline = It does not answer now. What you do is kept on this device and sent when it answers.
connection-unknown = Not checked yet.
connection-check = Check now
connection-city = Home city: { $city }, { $region }
connection-fixed = This address was set when the app was started, for development and testing.

walk-in-receipt = Receipt
receipt-title = The person's receipt
receipt-hint = Print it, or let the person photograph the QR code. It lets them take the applications to their own phone, or see where they stand.
receipt-none = Nothing was sent in this session yet, so there is no receipt to give.
receipt-heading = Homeward receipt
receipt-code = Tracking code
receipt-secret = Secret
receipt-valid-until = Valid until
receipt-not-yet-sent = waiting to be sent
receipt-with-app = With Homeward on your phone: open "Sent", choose "Take over from a receipt" and read this QR code, or type the tracking code and the secret. The applications, the city's replies and its requests then come to your phone.
receipt-without-app = Without the app: bring this receipt to a liaison site, where a volunteer can look up where your applications stand and help you answer the city.
receipt-keep-secret = Keep this receipt to yourself: whoever holds the secret can take the applications over, once.
receipt-print = Print the receipt
take-over-title = Take over from a receipt
take-over-intro = A liaison site sent applications for you and gave you a receipt? Take them onto this device: the city's replies and requests will come here.
take-over-code = Tracking code
take-over-secret = Secret
take-over-scan-hint = Or read the QR code from a photo of the receipt.
take-over-submit = Take the applications over
take-over-look = Only see where they stand
take-over-claimed = These applications were taken over by an app; follow them there.
field-error-receipt = No receipt with this tracking code and secret, it has expired, or another device already took its applications over.
field-error-receipt-code = The tracking code: the 8 letters and digits printed on the receipt.
field-error-receipt-secret = The secret: the 16 letters and digits printed on the receipt.
receipt-track-online = Or see where they stand in a browser, with the tracking code and the secret:
desk-my-pin = Your own PIN
desk-my-pin-hint = You are on duty: type your PIN again to add a volunteer.
desk-remove-my-pin-hint = To remove a volunteer, type your own PIN here first.
field-error-my-pin = Not your PIN. Type the PIN you open the desk with.
walk-in-handed-over = The person took their applications to their own phone with the receipt. Their session is wiped; nothing of theirs is left on this laptop.

## Countries of residence, for the notices that concern the person
country-it = Italy
country-fr = France
country-es = Spain
country-de = Germany
country-nl = Netherlands
country-be = Belgium
country-pt = Portugal
country-at = Austria
country-ch = Switzerland
country-gb = United Kingdom
country-ie = Ireland
country-gr = Greece
country-hu = Hungary
country-cz = Czechia
country-pl = Poland
country-ro = Romania
country-rs = Serbia
country-se = Sweden
country-za = South Africa
country-ng = Nigeria
country-ao = Angola
country-ke = Kenya
country-gh = Ghana
country-ae = United Arab Emirates
country-sa = Saudi Arabia
country-us = United States
country-ca = Canada
country-mx = Mexico
country-br = Brazil
country-ar = Argentina
country-pa = Panama
country-pe = Peru
country-cl = Chile
country-jp = Japan
country-kr = South Korea
country-sg = Singapore
country-my = Malaysia
country-th = Thailand
country-ph = Philippines
country-id = Indonesia
country-vn = Vietnam
country-kh = Cambodia
country-au = Australia
country-nz = New Zealand
notice-notification-title = Safety alert: { $title }
field-error-residence-country = Country you live in: choose one from the list, or none.

## Notices
notices-title = Notices and safety alerts
notices-lead = Safety alerts for the country you live in, changes to how a service is handled, and liaison sites that are closed. They stay readable without a connection.
notices-country-label = Country you live in
notices-country-hint = Only used on this phone or computer to pick the notices and the embassy that concern you; it is never sent.
notices-country-none = Not chosen (only notices for everyone)
notices-refused = The latest notices from the city could not be verified, so the last verified ones are shown.
notices-checked = Last checked with the city: { $time }
notices-never-checked = Not checked with the city yet.
notices-none-for = No notices for { $country } right now.
notices-none = No notices for everyone right now. Choose your country to see the ones for where you live.
notices-from = from { $signer }
notices-where = Where
notices-sites = Liaison sites
notices-until = Until
notices-alerts-label = Safety alerts
notices-open = { $count ->
    [0] Notices for where you live
    [one] 1 notice for where you live
   *[other] { $count } notices for where you live
}
notice-kind-safety-alert = Safety alert
notice-kind-service-change = Service change
notice-kind-site-closure = Site closed

## Embassies and consulates
contacts-missions = China's embassy and consulates where you live
contacts-missions-choose = Choose the country you live in to see its Chinese embassy and consulates.
contacts-missions-none = No embassy or consulate for { $country } is listed yet. Call the 12308 hotline below; it answers for every country.
contacts-mission-area = Consular district
contacts-mission-protection = Consular protection, 24 hours
contacts-source = Source, dated { $date }:
mission-kind-embassy = Embassy
mission-kind-consulate-general = Consulate-general

# Switching the current home city
home-city-switch = Home city: { $city } · Change
text-size-label = Text size
text-size-option = { $percent }%
city-switch-title = Switch home city
city-switch-lead = The guides shown and new applications are for the city you pick. Applications you already started or sent stay with their own city, and keep going to its server only.
city-current = Current city
city-switch-to = Switch to { $city }
draft-withdrawn-tag = No longer offered
draft-withdrawn = The city no longer offers this service in its catalogue. Your answers and documents are kept: you can print this application, export it with your data, or delete it, but it can no longer be sent.

# A request for more material, in the person's language
outbox-request = The office asks you to send these documents again:
outbox-request-reason = Why: { $reason }
outbox-officer-words = In the officer's own words:
outbox-event-message = The office wrote to you{ $documents ->
    [0] {""}
    [one] , with a document
   *[other] , with { $documents } documents
}
conversation-title = Messages with the office
conversation-intro = Ask a question or send a document about this application. Messages wait on this device without a connection and go as soon as you are online; the office's answers and documents appear here.
conversation-empty = No messages yet.
conversation-you = You
conversation-office = The office
conversation-waiting = Waiting to send
conversation-delivered = Delivered
conversation-document-size = { $kilobytes } KB
conversation-document-saved = Saved to { $path }
conversation-document-open = Open it
conversation-save-document = Save
conversation-write = Your message
conversation-attach = Attach a photo or PDF
conversation-remove-attachment = Remove
conversation-send = Send message
notify-office-message = { $reference } · The office wrote to you{ $documents ->
    [0] {""}
    [one] , with a document
   *[other] , with { $documents } documents
}. Open Homeward to read it.
field-error-message-text = Your message: write something (up to 4,000 characters), or attach a document.
field-error-message-attachments = Documents: a message carries at most 5; send the others in a second message.
field-error-message-application = You can write to the office once the application has arrived and has a reference.
field-error-file = The file: a photo (JPEG, PNG or WebP) or a PDF, up to 30 MB.
request-reason-missing = it was not sent
request-reason-unreadable = it cannot be read (blurred, cut off or too dark)
request-reason-expired = it is out of date
request-reason-wrong-document = it is not the document asked for
request-reason-needs-translation = it needs a translation into Chinese
request-reason-needs-certification = it needs notarising or legalising
request-reason-incomplete = pages or sides are missing
