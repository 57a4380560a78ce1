## 答案为何不被接受。显示在字段旁、字段名之后。

check-required = 请填写此项。
check-too-long = 内容过长，请精简。
check-id-card-length = 公民身份号码为 18 位。
check-id-card-characters = 公民身份号码为 17 位数字加 1 位数字或 X。
check-id-card-region = 前两位不是有效的地区代码，请对照身份证核对。
check-id-card-birth-date = 第 7 至 14 位应为出生日期，请对照身份证核对。
check-id-card-checksum = 号码校验不通过，可能有一位输错了，请对照身份证核对。
check-passport-format = 中国护照号码为 E 加 8 位数字（如 E12345678），或 E 加 1 个字母和 7 位数字（如 EA1234567）。
check-hk-macao-permit-format = 往来港澳通行证号码为 C 加 8 位字符，如 C12345678。
check-taiwan-permit-format = 往来台湾通行证号码为 L 加 8 位数字，如 L12345678。
check-phone-format = 请填写带国家代码的电话号码，如 +39 333 123 4567。
check-phone-needs-country-code = 请加上国家代码，如意大利 +39、中国 +86。
check-phone-unknown-prefix = 该号码的号段尚未收录。如确认无误，可以继续。
check-email-format = 请填写电子邮箱，如 name@example.com。
check-date-format = 请按“年-月-日”填写真实日期，如 1985-06-15。
check-date-in-future = 该日期不能晚于今天。
check-date-in-past = 该日期不能早于今天。
check-document-expired = 该证件已过期，请先换发或使用有效证件。
check-name-characters = 只能使用汉字或字母，可用空格、“·”或连字符。
check-invisible-characters = 含有不可见字符（如文字方向控制符或零宽字符），可能使内容显示得与实际不同。请不要粘贴，重新手动输入。
check-pinyin-characters = 请按护照上的拼音字母填写。
check-choice-unknown = 请从选项中选择一项。
check-material-missing = 请上传此文件。
