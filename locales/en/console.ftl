## The back-office console (city staff)
console-title = Homeward · Back office
console-sign-in = Staff sign-in
console-sign-out = Sign out
console-username = User name
console-password = Password
console-applications = Applications
console-filter-status = Status
console-filter-any = Any
console-filter-guide = Service id
console-filter-apply = Filter
console-col-reference = Reference
console-col-service = Service
console-col-status = Status
console-col-department = Department
console-col-updated = Last change
console-none = No applications match.
console-next-page = Next page
console-back = Back to the applications
console-revision = { $revision ->
    [0] First submission
   *[other] Revision { $revision }
}
console-signature-verified = Device signature verified
console-signature-failed = Device signature does not verify
console-identity = Identity:
console-identity-self-asserted = Not verified (the applicant's own word)
console-proven-person = The identity proofs are for this person; compare with the answers below:
console-device-key = Device key
console-materials = Documents
console-no-materials = No documents attached.
console-decide = Decide
console-decision-status = New status
console-decision-message = Message to the applicant, in your own words (shown to them as the officer's words)
console-decision-submit = Save the decision
console-route = Route to a department
console-route-department = Department
console-route-submit = Route
console-timeline = Timeline
console-event-routed = Routed to { $department }
console-event-access = { $staff } opened the application
console-event-message-person = The applicant wrote{ $documents ->
    [0] {""}
    [one] , with a document
   *[other] , with { $documents } documents
}
console-event-message-office = { $staff } wrote to the applicant{ $documents ->
    [0] {""}
    [one] , with a document
   *[other] , with { $documents } documents
}
console-conversation = Conversation
console-conversation-back = Back to the application
console-conversation-intro = Messages between the applicant and the office. Your reading of this page is recorded in the access log, and the applicant can see it.
console-conversation-none = No messages yet.
console-conversation-open = Conversation ({ $count ->
    [one] 1 message
   *[other] { $count } messages
})
console-conversation-waiting = Awaiting an answer
console-speaker-person = The applicant
console-speaker-office = { $staff } (office)
console-document-size = { $kilobytes } KB
console-reply = Write to the applicant
console-reply-text = Message
console-reply-document = Document (a result, a receipt, an appointment slip)
console-reply-document-hint = PDF, JPEG or PNG, up to { $megabytes } MB. The applicant's app keeps it and can save it.
console-reply-submit = Send
console-error-title = This could not be done
console-letters = Check an entrustment letter
console-letters-intro = Scan the QR code on the letter, or type or paste the text printed under it.
console-letter-token = Text under the QR code
console-letter-check = Check the letter
console-letter-valid = Valid: the relative may act for the person on these services.
console-letter-revoked = Revoked by the person: do not accept it.
console-letter-expired = Expired: do not accept it.
console-letter-not-yet-valid = Not valid yet: do not accept it.
console-letter-unknown-signer = Not signed by a device the city knows, or the device's key was revoked: do not accept it.
console-letter-identity-not-proven = The person's identity was never proven in person or by video for this letter, or the proof does not match the person named: anyone could have written it. Do not accept it.
console-letter-too-long = Runs longer than one year, which no letter may: do not accept it.
console-letter-not-entrustable = Names a service that cannot be entrusted to a relative: do not accept it.
console-letter-tampered = Damaged or altered: do not accept it.
console-letter-principal = Person entrusting
console-letter-agent = Relative entrusted
console-letter-services = Services
console-letter-validity = Valid
console-proofing = Identity verification by video
console-proofing-intro = People who asked to be verified by video. Call them, compare them and their passport or ID card with the details below, then attest.
console-proofing-none = No one is waiting.
console-proofing-requested = Asked on
console-proofing-contact = Contact:
console-proofing-call = Verify by video
console-proofing-level = What you did
console-proofing-confirm = I saw the person on video, and they and their document match these details.
console-proofing-attest = Attest
console-proofing-done = Attested by { $officer } on { $time }. The person's app receives it when it next looks for news.
console-revoke-device = Revoke this device's key
console-revoke-device-body = For a lost or stolen phone, when the person asks: the city refuses everything this key signs from now on, and its letters of entrustment fail. The person proves their identity again on their new device.
console-revoke-device-confirm = The person asked for this, and I checked who they are.
console-proofing-decline = Close without confirming
console-proofing-decline-body = If you could not reach the person, or they or their document did not match these details. Their app tells them, and they may ask again or visit a liaison site.
console-proofing-declined = Closed without confirming by { $officer } on { $time }. The person's app tells them.
console-scope = You see the applications routed to { $department }.
console-accounts = Staff accounts
console-account-role = Role
console-account-state = State
console-account-you = Your account
console-account-disabled = Disabled on { $time }
console-account-disable = Disable
console-account-disable-confirm = Sign them out everywhere now
console-account-add = Add an account
console-account-password-hint = At least 12 characters. Give it to the person in person, never by e-mail.
console-account-department-hint = For a reviewer: they see only the applications routed to this department. Leave empty for someone who takes in and routes every application.
console-role-reviewer = Reviewer
console-role-officer = Officer (also verifies identities by video)
console-role-administrator = Administrator (also accounts and keys)
console-access-log = Access log
console-access-log-intro = Every opening of an application, reading of its conversation, document download, view of a request for identity verification and letter check, and every change to accounts and keys, with who did it. People see the entries about them in their app, with the role and department but not the name.
console-access-none = Nothing recorded yet.
console-access-when = When
console-access-action = What
console-access-about = About
console-access-older = Older entries
console-access-opened-application = Opened the application
console-access-downloaded-document = Downloaded a document
console-access-read-conversation = Read the conversation
console-access-viewed-proofing-request = Viewed a request for identity verification
console-access-checked-letter = Checked an entrustment letter
console-access-revoked-device = Revoked a device's key
console-access-added-account = Added an account
console-access-disabled-account = Disabled an account
console-access-added-site = Registered a liaison site
console-access-revoked-signer = Revoked a signing key
console-queue-earlier = Earlier requests
console-queue-later = Later requests

console-sites = Liaison sites
console-sites-intro = Each liaison site whose key is registered, and what its volunteers helped with: walk-ins who sent at least one application from the site's laptop, and the applications sent. Counts only; nothing about the people helped.
console-sites-none = No liaison site is registered yet.
console-site-name = Site
console-site-standing = Key
console-site-helped = Walk-ins helped
console-site-sent = Applications sent
console-site-registered = registered { $when }
console-site-revoked = revoked { $when }
console-assisted = Sent from a walk-in's session at the liaison site
console-assisted-volunteer = helped by volunteer

track-app = Homeward
track-title = Where your applications stand
track-intro = Type the tracking code and the secret printed on the receipt a liaison site gave you. You see each application's reference and status, nothing else.
track-code = Tracking code
track-secret = Secret
track-submit = Look up
track-malformed = Type the 8 characters of the tracking code and the 16 of the secret, as printed on the receipt.
track-unknown = No receipt has this tracking code and secret, or it has expired. Check what you typed against the receipt.
track-too-many = Too many receipts were looked up from here in the last hour. Try again later.
track-claimed = These applications were taken over by the Homeward app on a phone; follow them there.
track-reference = Reference
track-service = Service
track-status = Status
track-updated = Last change (Beijing time)
track-answer-at-site = If the city asks for more material, bring this receipt to a liaison site: a volunteer can help you answer.

console-request = Ask for documents
console-request-hint = Tick the documents to send again and say why: the applicant reads the request in their own language. Add your own words below if needed.
console-request-reason = Why
console-request-reason-none = No request (say it in words)
console-event-request = asked for: { $documents } ({ $reason })
