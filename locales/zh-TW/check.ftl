## Why an answer is not accepted. Said next to the field, after its label.

check-required = 請填寫此項。
check-too-long = 內容過長，請精簡。
check-id-card-length = 公民身份號碼為 18 位。
check-id-card-characters = 公民身份號碼為 17 位數字加 1 位數字或 X。
check-id-card-region = 前兩位不是有效的地區代碼，請對照身份證核對。
check-id-card-birth-date = 第 7 至 14 位應為出生日期，請對照身份證核對。
check-id-card-checksum = 號碼校驗不通過，可能有一位輸錯了，請對照身份證核對。
check-passport-format = 中國護照號碼為 E 加 8 位數字（如 E12345678），或 E 加 1 個字母和 7 位數字（如 EA1234567）。
check-hk-macao-permit-format = 往來港澳通行證號碼為 C 加 8 位字符，如 C12345678。
check-taiwan-permit-format = 往來臺灣通行證號碼為 L 加 8 位數字，如 L12345678。
check-phone-format = 請填寫帶國家代碼的電話號碼，如 +39 333 123 4567。
check-phone-needs-country-code = 請加上國家代碼，如意大利 +39、中國 +86。
check-phone-unknown-prefix = 該號碼的號段尚未收錄。如確認無誤，可以繼續。
check-email-format = 請填寫電子郵箱，如 name@example.com。
check-date-format = 請按「年-月-日」填寫真實日期，如 1985-06-15。
check-date-in-future = 該日期不能晚於今天。
check-date-in-past = 該日期不能早於今天。
check-document-expired = 該證件已過期，請先換發或使用有效證件。
check-name-characters = 只能使用漢字或字母，可用空格、「·」或連字符。
check-invisible-characters = 含有不可見字符（如文字方向控制符或零寬字符），可能使內容顯示得與實際不同。請不要粘貼，重新手動輸入。
check-pinyin-characters = 請按護照上的拼音字母填寫。
check-choice-unknown = 請從選項中選擇一項。
check-material-missing = 請上傳此文件。
