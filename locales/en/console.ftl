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
console-back = Back to the applications
console-revision = { $revision ->
    [0] First submission
   *[other] Revision { $revision }
}
console-signature-verified = Device signature verified
console-signature-failed = Device signature does not verify
console-identity = Identity:
console-device-key = Device key
console-materials = Documents
console-no-materials = No documents attached.
console-decide = Decide
console-decision-status = New status
console-decision-message = Message to the applicant (say which material, when asking for more)
console-decision-submit = Save the decision
console-route = Route to a department
console-route-department = Department
console-route-submit = Route
console-timeline = Timeline
console-event-routed = Routed to { $department }
console-event-access = { $staff } opened the application
console-error-title = This could not be done
