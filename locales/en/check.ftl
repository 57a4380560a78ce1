## Why an answer is not accepted. Said next to the field, after its label.

check-required = Answer this question.
check-too-long = This is too long. Shorten it.
check-id-card-length = A resident ID number has 18 characters.
check-id-card-characters = A resident ID number is 17 digits followed by a digit or X.
check-id-card-region = The first two digits are not a region code. Check the number on your ID card.
check-id-card-birth-date = Digits 7 to 14 must be your date of birth. Check the number on your ID card.
check-id-card-checksum = This number does not add up: one digit is probably mistyped. Check it against your ID card.
check-passport-format = A Chinese passport number is E and 8 digits (E12345678) or E, a letter and 7 digits (EA1234567).
check-hk-macao-permit-format = A Hong Kong and Macao permit number is C and 8 characters, such as C12345678.
check-taiwan-permit-format = A Taiwan travel permit number is L and 8 digits, such as L12345678.
check-phone-format = Enter a phone number with its country code, such as +39 333 123 4567.
check-phone-needs-country-code = Add the country code, such as +39 for Italy or +86 for China.
check-phone-unknown-prefix = This number's prefix is not known to us. If it is right, you can go on.
check-email-format = Enter an e-mail address such as name@example.com.
check-date-format = Enter a real date as year-month-day, such as 1985-06-15.
check-date-in-future = This date cannot be in the future.
check-date-in-past = This date cannot be in the past.
check-document-expired = This document has expired. Renew it first, or use a valid one.
check-name-characters = Use only Chinese characters or letters, with spaces, · or hyphens.
check-invisible-characters = This contains invisible characters (such as direction marks or zero-width spaces) that could make it read differently from what it says. Type it again without pasting.
check-pinyin-characters = Write the name in pinyin letters, as on your passport.
check-choice-unknown = Choose one of the options.
check-material-missing = Attach this document.
