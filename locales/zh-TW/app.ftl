## The app's interface.

app-name = 僑鄉通
nav-home = 返回首頁
nav-back = 返回
language-switch-label = 界面語言
loading = 正在加載…

## The connection to the city's server

status-offline = 離線：正在使用本機保存的辦事指南，填寫的內容已保存在本機。
status-online = 已連接
status-update-refused = 已連接。市裡提供的最新辦事指南未通過驗證，繼續使用本機上已驗證的版本。
status-checking = 正在檢查連接…
status-retry = 重試

## When the app cannot start

fatal-title = 僑鄉通無法打開您的數據
fatal-hint = 您的資料沒有丟失。請重新啟動應用；如果問題仍然存在，請聯繫所在地的僑胞服務聯絡站。
fatal-start-again = 重新開始（舊數據保留在一旁）

## Errors, by code

error-invalid-input = 填寫的內容格式不正確，請檢查後再試。
error-not-found = 找不到該項內容，可能已被刪除。
error-storage = 無法讀寫本機數據。請確認設備存儲空間充足後重試。
error-keyring = 無法訪問系統密鑰庫，數據仍加密保存。請解鎖系統密鑰庫後重新啟動應用。
error-keys-missing = 本設備密鑰庫中缺少用於加密僑鄉通數據的密鑰，因此無法讀取您的草稿和申請。如有密鑰庫備份，請恢復後重新啟動應用；否則請選擇「重新開始」：舊數據會加密保留在一旁，以防密鑰日後找回。
error-no-key-store = 本設備沒有可安全保存僑鄉通密鑰的地方，應用無法保護您的數據，因此不會啟動。請在帶有系統密鑰庫的手機或電腦上使用僑鄉通。
error-no-home-city = 請先選擇您的家鄉城市：應用只向您選擇的城市發送。
error-offline = 暫時無法連接市級服務器，聯網後會自動重試。
error-backend = 市級服務器暫時無法處理請求，請稍後再試。
error-no-font = 本機沒有可用於中文的字體，無法生成 PDF。請改用「打印」。
error-unsigned = 這份申請缺少本機簽名，市裡無法確認它來自您。請更新應用後重新發送。
error-bad-signature = 這份申請在傳輸中被改動，簽名不符，已被拒收。請重新發送。
error-replayed = 這份申請的簽名已過期。請檢查手機的日期和時間，然後重新發送。
error-unknown-device = 市裡不認識這臺設備的密鑰，或該密鑰已被停用。請重新驗證身份。
error-idempotency-conflict = 同一份申請被發送了兩個不同的版本，已被拒收。請與聯絡站聯繫。
error-not-signed-in = 請先登錄，或檢查用戶名和密碼。
error-not-allowed = 此帳戶無權進行這項操作。
error-conflict = 在您查看期間，其他工作人員已對該申請作出處理或轉辦，您的決定未被記錄。請重新打開申請查看最新情況後再作決定。
error-material-not-uploaded = 有材料尚未上傳完成，應用會先補傳材料再重新提交。
error-consent-required = 提交前請先同意處理敏感個人信息並向境內提供。
error-too-many-attempts = 該用戶名登錄失敗次數過多，請 15 分鐘後再試。
error-desk-locked = 服務臺已鎖定，須由志願者輸入 PIN 碼打開。
error-attestation-tampered = 身份核驗憑證已損壞或在簽發後被改動，請重新獲取。
error-unknown-signer = 簽發身份核驗憑證的聯絡站或工作人員不在城市登記名單中。
error-revoked-signer = 為您核驗身份的聯絡站或工作人員已不再受城市信任，請重新核驗身份。
error-attestation-other-device = 該身份核驗憑證屬於另一臺設備，請在本設備上核驗身份。
error-attestation-expired = 身份核驗憑證已過期，請重新核驗身份。
error-attestation-other-person = 該身份核驗憑證證明的是另一人，與本申請的申請人不符。請核對您的個人信息，或重新核驗身份。
error-revision-other-service = 補充提交的事項與原申請不一致，已被拒收。如需辦理其他事項，請新建申請。
error-identity-level-too-low = 該事項需要更高等級的身份核驗，請在「我的身份」中查看辦法。
error-device-revoked = 本設備的密鑰已被吊銷（如手機丟失時），城市不再接受其簽名的任何內容。請在「我的信息與隱私」中清除應用數據，重新設置並重新核驗身份。
error-too-large = 超出市裡服務器接收的大小。請附上較小的材料，或分次附上。
error-timed-out = 網絡太慢，未能及時完成。應用會自動重試。
error-quota-exceeded = 本設備暫時已達到市裡服務器的接收上限。應用稍後會自動重試。
error-insufficient-storage = 市裡服務器存儲空間不足，暫不接收新材料。應用稍後會自動重試。
error-internal = 應用出現了意外問題，您的數據沒有丟失。請重新啟動應用。

## Home

home-title = 在海外，辦好家鄉事
home-lead = { $city }面向海外僑胞的辦事指南，離線可查。每一項都寫明是否需要回國、最多跑幾次。
home-drafts-title = 我的申請
home-drafts-more = 顯示更多申請
draft-answered = { $count ->
   *[other] 已填寫 { $count } 項
}
draft-updated = 更新於 { $when }
catalogue-version = 辦事指南目錄 第 { $version } 版 · { $date }

## Categories

category-household-registration = 戶籍
category-identity-card = 居民身份證
category-entry-exit = 出入境
category-driving-vehicles = 駕駛證與機動車
category-real-estate = 不動產
category-notarisation = 公證與認證
category-social-insurance = 社會保險與養老金
category-medical-insurance = 醫療保險
category-housing-fund = 住房公積金
category-civil-affairs = 民政婚姻
category-tax = 稅務
category-overseas-chinese = 僑務
category-education = 教育
category-legal-services = 法律服務
category-consultation = 諮詢與信訪

## Badges

badge-no-trip = 無需跑腿
badge-one-trip = 最多跑一次
badge-entrustable = 可委託親屬辦理

## A guide

guide-start = 開始填寫申請
guide-your-drafts = 您尚未提交的申請
guide-time-limit = 辦理時限
guide-time-limit-same-day = 當場辦結
guide-time-limit-days = { $days ->
   *[other] { $days } 個工作日
}
guide-fees = 收費標準
guide-department = 受理部門
guide-channels = 辦理渠道
guide-who = 申請對象
guide-conditions = 辦理條件
guide-materials = 申請材料
guide-steps = 辦理流程
guide-entrust = 委託親屬辦理
guide-entrust-lead = 您可以委託國內親屬到窗口辦理線下環節。親屬需攜帶：
guide-legal-basis = 設定依據
guide-reviewed = 第 { $version } 版，審核日期 { $date }
guide-translation-note = 本指南由簡體中文版本轉換而成，以簡體中文文本為準。
material-original = 原件
material-copy = 複印件
material-original-or-copy = 原件或複印件
material-count = { $count } 份
channel-online = 全程網辦
channel-liaison-site = 海外聯絡站協助
channel-counter-in-china = 國內窗口（可委託）

## Filling in an application

draft-eyebrow = 申請草稿 · { $city }
draft-autosave-hint = 您輸入的每一項內容都會自動保存。
draft-saving = 正在保存…
draft-saved = 已保存在本機
draft-save-failed = 保存失敗，請重試。
field-choose = 請選擇
field-yes = 是
field-no = 否
field-optional = （選填）

## Search

search-label = 搜索辦事事項
search-placeholder = 搜索：駕照、戶口、gongzheng…
search-results = { $count ->
   *[other] 找到 { $count } 項
}
search-none = 沒有找到匹配的事項。可以換個說法，或直接諮詢熱線。
search-clear = 清除搜索
search-ask = 查看諮詢熱線
home-categories = 事項分類

## Help and liaison sites

nav-help = 幫助
contacts-title = 諮詢熱線與海外聯絡站
contacts-lead = 不確定怎麼辦？打電話問，或到就近的聯絡站由志願者當面幫您辦理。
contacts-help-lines = 諮詢熱線
contacts-sites = 海外聯絡站
contacts-call = 撥打
contacts-write = 發郵件
contacts-address = 地址
contacts-hours = 開放時間
contacts-languages = 服務語言

## Materials checklist

materials-progress = 已準備 { $done } / { $total } 項（勾選僅保存在本機）
material-conditional = 部分申請人需要
material-alternatives = 也可提供：
guide-time-limit-calendar-days = { $days ->
   *[other] { $days } 日（自然日）
}

## Checking and managing applications

summary-title = 請檢查以下內容
draft-check = 檢查填寫內容
draft-ready-title = 已填寫完整
draft-ready-body = 所有必填項均已填寫且格式正確。聯網後即可提交給受理部門。
draft-duplicate = 複製一份
draft-delete = 刪除此申請
draft-delete-confirm-title = 確定刪除此申請？
draft-delete-confirm-body = 已填寫的內容將從本機刪除，且無法恢復。
draft-delete-confirm = 刪除
draft-delete-keep = 保留
field-date-placeholder = 年-月-日，如 1985-06-15
draft-progress = 已完成 { $done } / { $total } 項
status-not-started = 未開始
status-in-progress = 填寫中
status-needs-attention = 需要修改
status-complete = 已完成

## Attaching documents

material-add = 拍照或選擇文件
material-adding = 正在處理…
material-camera = 拍照
material-add-failed = 無法使用該文件。請選擇照片（JPEG、PNG 或 WebP）或 PDF，大小不超過 30 MB。
material-remove = 移除

## Check your answers

answers-eyebrow = 核對填寫內容 · { $city }
answers-none = 未填寫
answers-change = 修改
answers-print = 打印
draft-review-all = 查看全部填寫內容
summary-item = { $label }：{ $problem }
draft-catalogue-changed = 您開始填寫後，辦事指南已更新。{ $changed ->
    [0] {""}
   *[other] { $changed } 個問題有變化，請核對標註處。
}{ $removed ->
    [0] {""}
   *[other] { $removed } 個回答所對應的問題已不再詢問，這些回答仍保存在本機，不會提交。
}
draft-question-changed = 此問題在您開始填寫後有更新，請核對您的回答。

## The printable application (PDF)
pdf-eyebrow = 辦事申請表
pdf-not-answered = 未填寫
pdf-attached = { $count ->
   *[other] 已附 { $count } 份材料
}
pdf-status = 填寫狀態
pdf-status-complete = 已填寫完整
pdf-status-incomplete = 尚未完成：{ $count ->
   *[other] { $count } 項需要補充或修改
}
pdf-department = 受理部門
pdf-reference = 申請編號
pdf-generated = 生成日期
pdf-incomplete-note = 這份申請尚未填寫完整，標為「需要處理」的內容補齊後才能提交。
pdf-needs-attention = 需要處理
pdf-declaration = 本人承諾以上填寫的內容和所附材料真實、準確、完整。
pdf-signature = 申請人簽名
pdf-date = 日期
pdf-page = 第 { $page } 頁，共 { $pages } 頁
answers-pdf = 生成 PDF
answers-pdf-working = 正在生成 PDF…
answers-pdf-saved = PDF 已保存到 { $path }
answers-pdf-open = 打開 PDF

## Sending and the outbox
nav-outbox = 發件箱
send-application = 提交給市裡
send-consent-title = 確認提交
send-consent-body = 您填寫的內容和所附材料清單將經{ $city }服務器發送給{ $department }，並用本機密鑰簽名，以證明來自您本人。
send-consent-offline = 沒有網絡時，申請會先保存在本機發件箱，聯網後自動發送，只會送達一次。
send-confirm = 確認提交
send-cancel = 暫不提交
outbox-title = 發件箱
outbox-intro = 已提交的申請和送達情況。沒有網絡時，申請會保存在本機，聯網後自動發送。
outbox-empty = 還沒有提交過申請。
outbox-waiting = 等待發送
outbox-sending = 正在發送
outbox-set-aside = 未能送達
outbox-delivered = 已送達
outbox-waiting-first = 已保存在本機，聯網後馬上發送。
outbox-waiting-next = { $attempts ->
   *[other] 已嘗試 { $attempts } 次，將於 { $time } 再試。
}
outbox-retry = 重新發送
outbox-reference = 受理編號
outbox-received-at = 市裡於 { $time } 收到
outbox-progress = 已發送 { $sent } KB，共 { $total } KB

## Where an application stands at the city
application-status-received = 已收到
application-status-in-review = 審核中
application-status-more-material-needed = 需補充材料
application-status-approved = 已批准
application-status-rejected = 未予批准
application-status-completed = 已辦結
outbox-add-material = 補充材料並重新提交
outbox-send = { $revision ->
    [0] 首次提交
   *[other] 第 { $revision } 次補充提交
}
outbox-timeline = 辦理記錄（含工作人員查閱記錄）
outbox-event-routed = 已轉交{ $department }
outbox-event-access = { $role ->
        [administrator] 管理員
        [officer] 核驗專員
       *[reviewer] 審核人員
    }查閱了您的申請
outbox-event-access-department = { $department }{ $role ->
        [administrator] 管理員
        [officer] 核驗專員
       *[reviewer] 審核人員
    }查閱了您的申請
send-revision = 提交補充材料

## My details and privacy
privacy-link = 我的信息與隱私
privacy-title = 我的信息與隱私
privacy-intro = 您的信息只保存在本機加密數據庫中，只有在您提交申請時才會發送給市裡。您可以隨時導出或刪除全部數據。
profile-title = 基本信息
profile-why = 僅用於辦理您選擇的事項，以及線下核驗身份。
profile-name-han = 中文姓名
profile-name-han-hint = 與身份證或戶口簿一致，生僻字也可以輸入
profile-name-pinyin = 姓名拼音
profile-name-pinyin-hint = 與護照一致，例如 WANG XIAOMING
profile-birth-date = 出生日期
profile-id-number = 公民身份號碼
profile-id-number-hint = 如有，請填寫；身份證號碼和護照號碼至少填一項
profile-passport = 護照號碼
profile-passport-hint = 例如 E12345678
profile-save = 保存
profile-saved = 已保存在本機
consents-title = 同意事項
consents-intro = 兩項同意分別給出，可隨時撤回。撤回後不能再提交新的申請，已提交的申請不受影響。
consent-sensitive-data = 處理敏感個人信息
consent-sensitive-data-body = 我同意為辦理所選事項處理我的身份證件號碼、證件照片等敏感個人信息（《個人信息保護法》第二十八條、第二十九條）。
consent-cross-border = 向境內提供個人信息
consent-cross-border-body = 我同意將申請中的個人信息從我所在的國家發送至每項申請所屬家鄉城市的有關部門（《個人信息保護法》第三十八條、第三十九條；歐盟《通用數據保護條例》）。
consent-given-at = 已於 { $time } 同意
consent-withdrawn-at = 已於 { $time } 撤回
consent-not-given = 尚未同意
consent-give = 同意
consent-withdraw = 撤回同意
access-title = 誰查閱了我的信息
access-body = 市裡工作人員每次打開您的申請、下載您的材料、查看您的身份核驗申請或核驗您簽署的委託書，都會留下記錄。您可在此查看每一次記錄及其角色和部門。查詢時只發送本設備的簽名。
access-show = 查看
access-refresh = 重新查看
access-none = 市裡尚無人查閱過您的信息。
access-older = 查看更早的記錄
access-entry = { $by }{ $action }
access-by = { $role ->
        [administrator] 管理員
        [officer] 核驗專員
       *[reviewer] 審核人員
    }
access-by-department = { $department }{ $role ->
        [administrator] 管理員
        [officer] 核驗專員
       *[reviewer] 審核人員
    }
access-action-opened-application = 打開了您的申請 { $reference }
access-action-downloaded-document = 下載了您申請 { $reference } 的材料
access-action-read-conversation = 查閱了您申請 { $reference } 的留言
access-action-viewed-proofing-request = 查看了您的身份核驗申請及個人信息
access-action-checked-letter = 核驗了您簽署的委託書
access-action-revoked-device = 吊銷了本設備的密鑰
access-action-other = 變更了市裡的帳戶或密鑰
export-title = 導出全部數據
export-body = 把本應用保存的關於您的全部信息（基本信息、同意記錄、草稿、材料、提交記錄和回執）導出到下載文件夾。
export-button = 導出
export-done = 已導出到 { $path }
erase-title = 刪除全部數據
erase-body = 從本機刪除全部草稿、材料、基本信息、同意記錄和密鑰。已提交給市裡的申請不受影響。此操作無法撤銷。
erase-confirm = 確定要刪除本機上的全部數據嗎？刪除後應用會關閉。
erase-button = 刪除全部數據
erase-done = 已刪除。應用即將關閉。

## My identity and site mode
identity-link = 我的身份
identity-title = 我的身份
identity-level-now = 您的身份核驗等級
level-self-asserted = 未核驗（本人聲明）
level-documents-reviewed = 證件遠程審核
level-onsite-attended = 聯絡站當面核驗
level-remote-attended = 工作人員視頻核驗
level-self-asserted-means = 可辦理與本人有關的諮詢和證明，多數事項需要更高等級。
level-documents-reviewed-means = 可辦理需審核證件的事項，但不能辦理需當面核驗的事項。
level-onsite-attended-means = 可辦理目錄中的全部事項。
level-remote-attended-means = 可辦理目錄中的全部事項。
identity-in-person = 到聯絡站當面核驗
identity-in-person-body = 請攜帶護照或居民身份證到海外聯絡站，向志願者出示下面的身份碼；志願者當面核對證件後給您一份核驗憑證。兩臺設備都無需聯網。
identity-profile-needed = 請先填寫個人信息（姓名、出生日期和一個證件號碼）：身份碼會帶上這些信息，供志願者與證件核對。
identity-show-code = 出示我的身份碼
identity-code-hint = 請志願者掃描此碼，或把文字複製給志願者。碼中含有您的個人信息，請只向志願者出示。
qr-image-label = QR 碼
code-text-label = 對應的文字
identity-paste-label = 志願者給您的核驗憑證
identity-paste-hint = 掃描志願者出示的碼，或粘貼志願者給您的文字。
identity-add = 添加核驗憑證
identity-added = 已添加核驗憑證。
identity-other-ways = 其他方式
identity-way-documents = 如視頻無法清楚看到您本人，工作人員仍可只核對您的證件（證件遠程審核）：可辦理多數事項，但不能辦理需當面或視頻核驗的事項。
identity-find-site = 查找聯絡站
identity-attestations = 本設備上的核驗憑證
attestation-by-site = 由聯絡站 { $site } 簽發
attestation-by-officer = 由工作人員 { $officer } 簽發
attestation-dates = 簽發於 { $issued }，有效期至 { $expires }
attestation-not-current = 當前無效
document-passport = 護照
document-id-card = 居民身份證
guide-identity = 身份核驗要求
guide-identity-how = 如何核驗
site-link = 聯絡站模式（志願者使用）
site-title = 聯絡站模式
site-intro = 供聯絡站志願者使用：讀取來訪者的身份碼，當面核對證件，並用本站密鑰簽發核驗憑證。本電腦不保留來訪者的任何信息。
site-setup = 將本電腦設置為聯絡站
site-id = 聯絡站代碼
site-id-hint = 小寫字母、數字和連字符，以城市分配的為準，例如 prato。
site-name = 聯絡站名稱
site-enable = 生成聯絡站密鑰
site-signing-as = 簽發單位
site-key-hint = 本站的公鑰。請發給城市管理員；公鑰登記後，簽發的憑證才有效。
site-read = 讀取來訪者的身份碼
site-read-label = 來訪者的身份碼
site-read-hint = 掃描對方手機上的碼，或粘貼對方給您的文字。
site-read-button = 讀取
site-compare = 與眼前的證件逐項核對
site-compare-hint = 每一項都必須與護照或身份證一致，證件照片須為眼前本人。
site-documents-checked = 我已核對
site-face-to-face = 本人親自到場，且與證件照片相符。
site-sign = 簽發核驗憑證
site-signed = 已簽發核驗憑證
site-signed-hint = 請對方掃描此碼，或把文字交給對方。憑證有效期三年，僅限對方這臺設備使用。
site-next = 下一位
site-leave = 退出聯絡站模式
site-leave-body = 將銷毀本電腦上的聯絡站密鑰。須由城市登記新密鑰後，本電腦才能再次簽發。
site-leave-confirm = 確定銷毀本站密鑰？
desk-locked-title = 服務臺已鎖定
desk-locked-intro = 請選擇您的名字並輸入您的 PIN 碼以打開服務臺。
desk-volunteer = 志願者
desk-pin = PIN 碼或口令
desk-pin-hint = 至少 6 個字符，不能全部相同。只應由您本人知道。
desk-pin-again = 再次輸入同一 PIN 碼
desk-unlock = 打開服務臺
desk-on-duty = 當前值班：{ $name }
desk-idle-hint = 無人操作 { $minutes ->
   *[other] { $minutes } 分鐘
}後，服務臺會自動鎖定。離開時請隨手鎖定。
desk-lock-now = 立即鎖定
desk-first-title = 登記第一位志願者
desk-first-intro = 本站每位志願者都有自己的名字和 PIN 碼（或口令）。服務臺只能由志願者本人打開，在此簽發的每份身份確認都會記錄簽發人。
desk-add-title = 登記其他志願者
desk-add-intro = 新志願者將以自己的名字和 PIN 碼打開服務臺。
desk-volunteer-name = 姓名
desk-add-volunteer = 登記志願者
desk-volunteers = 本站志願者
desk-remove-volunteer = 移除
desk-remove-confirm = 確定移除這位志願者？移除後將無法再打開服務臺。
desk-log = 站點日誌
desk-log-intro = 記錄服務臺何時由誰打開和鎖定，以及簽發了多少份身份確認。這裡不保存任何被服務人員的信息。
site-action-volunteer-added = 登記志願者
site-action-volunteer-removed = 移除志願者
site-action-unlocked = 打開服務臺
site-action-locked = 鎖定服務臺
site-action-idle-locked = 閒置自動鎖定
site-action-pin-refused = PIN 碼錯誤
site-action-attested = 簽發身份確認
site-action-walk-in-started = 開始來訪者會話
site-action-walk-in-ended = 來訪者會話結束並已清除
site-action-walk-in-sealed = 來訪者會話已封存，待城市收到後清除
walk-in-title = 來訪者
walk-in-intro = 為到服務臺來的人單獨開一個會話：其個人信息、證件和申請與本站及其他人完全隔離，會話結束即清除。
walk-in-start = 接待新來訪者
walk-in-active = 本電腦正在接待一位來訪者。
walk-in-back = 回到來訪者會話
walk-in-interrupted = 電腦停止時中斷的會話
walk-in-started-at = 開始於 { $time }
walk-in-resume = 繼續
walk-in-sealed-count = { $count ->
   *[other] 有 { $count } 個已結束的會話處於封存狀態：能連上城市時即發送，之後清除。
}
walk-in-wiped = 會話已結束，本電腦上不留任何痕跡。
walk-in-sealed = 會話已結束並封存，任何人都無法打開。其中的申請將在能連上城市時發送，之後會話即被清除。
walk-in-bar = 來訪者會話
walk-in-bar-hint = 這裡的一切都屬於服務臺前的這位來訪者，會話結束即清除。
walk-in-confirm-identity = 核驗身份
walk-in-end = 結束會話
walk-in-end-confirm = 確定結束此會話？未發送的草稿將一併刪除；已發送的內容在城市收到後立即清除。
walk-in-confirm-title = 當面核驗此人身份
walk-in-confirmed = 身份已核驗
walk-in-consents = 同意事項
walk-in-read-title = 請向來訪者宣讀
walk-in-read-hint = 請選擇來訪者最熟悉的語言，然後朗讀下文或請其自行閱讀。只有在來訪者表示同意時才勾選。
walk-in-read-language = 文字所用語言
walk-in-read-intro = 您今天告訴我們的信息只在本次來訪期間保存在這臺電腦上，並用專屬密鑰加密。只有在您決定發送申請時才會發給城市；辦理結束、城市收到您發送的內容後，這臺電腦上的一切都會被清除。
walk-in-read-choice = 您可以不同意，也可以以後改變主意；沒有這兩項同意，我們仍可幫您閱讀辦事指南，但無法代為發送申請。
walk-in-agrees = 來訪者同意

## Entrustment letters
letter-eyebrow = 委託書
letter-title = 委託書
letter-body = 本人 { $principal }（證件號碼 { $document }）委託 { $agent }（公民身份號碼 { $agent_id }）代為辦理以下事項：
letter-validity = 委託期限：自 { $from } 起至 { $until } 止（含當日）。
letter-number = 委託書編號 { $id }
letter-proven = 委託人身份已於 { $date } { $level ->
        [onsite-attended] 經聯絡站 { $issuer } 現場核驗
       *[remote-attended] 經工作人員 { $issuer } 視頻核驗
    }；核驗委託書時將一併確認該身份憑證真實有效、屬於委託人本人。
letter-verify = 窗口工作人員請掃描二維碼，或將其下方的文字提交至 { $url } 或後臺管理系統核驗。僅在核驗結果為有效時方可受理；委託人可隨時撤銷。
letter-signed = 本委託書已由委託人在城市登記的設備密鑰電子簽名。
letter-principal = 委託人簽名
letters-link = 委託親屬辦理
letters-title = 委託親屬辦理
letters-intro = 委託書可讓您在國內的親屬代您到窗口辦理某個環節。應用用本設備的密鑰簽名；您可打印委託書或把 PDF 發給親屬。窗口掃描其二維碼核驗，您可隨時撤銷。
letters-new = 新建委託書
letters-identity-needed = 委託親屬辦理前，您須先在海外聯絡站現場核驗身份，或與工作人員視頻核驗身份。委託書將附帶該核驗憑證，以便窗口確認委託確由您本人作出。
letters-agent-name = 受託親屬姓名
letters-agent-name-hint = 與其居民身份證一致。
letters-agent-id = 受託親屬公民身份號碼
letters-services = 委託辦理的事項
letters-valid-until = 有效期至
letters-valid-until-hint = 親屬可代辦的最後一天，最長一年，例如 2027-05-31。
letters-sign = 簽署委託書
letters-made = 委託書已簽署。
letters-yours = 我的委託書
letters-to = 委託 { $agent }
letters-valid-until-at = 有效期至 { $time }
letters-revoked-at = 已於 { $time } 撤銷
letters-save-pdf = 保存為 PDF
letters-revoke = 撤銷
letters-revoke-confirm = 確定撤銷此委託書？窗口將自即日起不予受理。
identity-video = 視頻核驗
identity-video-body = 城市工作人員通過視頻與您通話，查看您本人及護照或身份證，並與您的個人信息核對，效力等同於到聯絡站核驗。
identity-video-contact = 工作人員如何聯繫您
identity-video-contact-hint = 帶國家代碼的電話號碼、微信號或電子郵箱。
identity-video-ask = 申請視頻核驗
identity-video-requested = 已於 { $time } 申請。工作人員將與您聯繫，核驗憑證會自動送達應用。
field-error-profile = 請先填寫個人信息：姓名、出生日期和一個證件號碼。
field-error-agent-name = 受託親屬姓名：請按其居民身份證填寫。
field-error-agent-id-number = 受託親屬公民身份號碼：18 位，與身份證一致，請核對最後一位。
field-error-guides = 委託事項：請至少選擇一項。
field-error-valid-until = 有效期至：請填寫今天起一年以內的日期，例如 2027-05-31。
field-error-site-id = 聯絡站代碼：只能包含小寫字母、數字和連字符，以城市分配的為準。
field-error-site-name = 聯絡站名稱：請填寫名稱（不超過 100 個字符）。
field-error-contact = 聯繫方式：請填寫電話號碼、微信號或電子郵箱。
field-error-backend-url = 該城市服務器使用未加密的連接（http://），途經網絡的任何人都可能讀取您的數據，因此僑鄉通拒絕使用。城市發布的正式列表和版本都使用 https://。
field-error-home-city = 請從列出的城市中選擇一個。家鄉城市一經選定便不再更改。
field-error-volunteer-name = 請輸入志願者姓名（1 至 60 個字符），且不能與已登記的志願者重名。
field-error-volunteer = 不能移除最後一位志願者，否則將無人能打開服務臺。
field-error-new-pin = PIN 碼需為 6 至 64 個字符，且不能只是同一個字符重複。
field-error-new-pin-again = 兩次輸入的 PIN 碼不一致，請輸入相同的 PIN 碼。
field-error-pin = 該 PIN 碼與這位志願者不符。連續輸錯五次後，該名字將被鎖定 15 分鐘。
field-error-walk-in-active = 本電腦正在接待一位來訪者，請先結束其會話。
field-error-site-mode = 這臺電腦屬於聯絡站。如需清除，須先由志願者在服務臺退出聯絡站模式（這會銷毀本站密鑰）。
field-error-proof-request = 這不是僑鄉通身份碼，或內容不完整，請重新掃描或粘貼。
field-error-attestation = 該核驗憑證對應的信息與您的個人信息不一致，請向志願者重新獲取。
field-error-documents = 請勾選您核對過的證件。
letters-agent-id-hint = 18 位，與其居民身份證一致。
level-attended-either = 聯絡站當面核驗或視頻核驗
guide-identity-have = 您已具備
field-error-code-image = 未能從照片中讀出二維碼。請靠近一些，讓整個碼清晰地在畫面內，或改為粘貼文字。
code-scan = 用相機掃描
code-scanning = 正在讀取…
identity-video-declined = 工作人員未能通過視頻核驗您的身份（無法聯繫，或信息與證件不符）。請核對個人信息後重新申請，或到聯絡站核驗。
city-title = 您的家鄉是哪個城市？
city-lead = 僑鄉通只會把您的申請發送到您選擇的城市。在您選擇之前，不會向任何地方發送任何內容。
city-server = 該市服務器：
city-choose = 我的家鄉是{ $city }
city-choosing = 正在選擇…
city-once = 每項申請屬於它所申請的城市，只發送給該城市。您以後可以切換城市；已開始的申請仍歸原城市辦理。
city-help-title = 遇到緊急情況，請立即撥打
connection-title = 您家鄉城市的服務器
connection-body = 申請發送到此地址，答覆也從此處返回。未經您操作，不會發送任何內容。
connection-online = 有應答：已連接。
connection-offline = 目前無應答。您的操作會保存在本設備上，待其應答後再發送。
connection-unknown = 尚未檢查。
connection-check = 立即檢查
connection-city = 家鄉城市：{ $region }{ $city }
connection-fixed = 此地址是在啟動應用時指定的，僅用於開發和測試。

walk-in-receipt = 回執
receipt-title = 來訪者的回執
receipt-hint = 請打印回執，或讓來訪者用手機拍下二維碼。憑回執可將申請轉到本人手機上，或查詢辦理進度。
receipt-none = 本次服務尚未提交任何申請，因此沒有回執。
receipt-heading = 僑鄉通回執
receipt-code = 查詢碼
receipt-secret = 密碼
receipt-valid-until = 有效期至
receipt-not-yet-sent = 等待發送
receipt-with-app = 手機上有僑鄉通的：打開「發件箱」，選擇「憑回執轉入」，掃描本二維碼或輸入查詢碼和密碼。之後申請、市裡的答覆和補充材料要求都會發到您的手機上。
receipt-without-app = 沒有應用的：請攜帶本回執到聯絡站點，志願者可為您查詢辦理進度，並協助您答覆。
receipt-keep-secret = 請妥善保管本回執：持有密碼的人可以轉入這些申請，且只能轉入一次。
receipt-print = 打印回執
take-over-title = 憑回執轉入
take-over-intro = 聯絡站點為您提交了申請並給了您回執？把申請轉到本設備上，市裡的答覆和要求都會發到這裡。
take-over-code = 查詢碼
take-over-secret = 密碼
take-over-scan-hint = 也可以從回執照片中讀取二維碼。
take-over-submit = 轉入這些申請
take-over-look = 只查詢辦理進度
take-over-claimed = 這些申請已轉入某個應用，請在該應用中查看。
field-error-receipt = 沒有與此查詢碼和密碼對應的回執，或回執已過期，或其申請已被另一臺設備轉入。
field-error-receipt-code = 查詢碼：回執上印的 8 位字母和數字。
field-error-receipt-secret = 密碼：回執上印的 16 位字母和數字。
receipt-track-online = 也可以在瀏覽器中輸入查詢碼和密碼查詢進度：
desk-my-pin = 您本人的 PIN 碼
desk-my-pin-hint = 您正在值班：添加志願者須再次輸入您的 PIN 碼。
desk-remove-my-pin-hint = 移除志願者前，請先在此輸入您本人的 PIN 碼。
field-error-my-pin = PIN 碼不對。請輸入您打開服務臺所用的 PIN 碼。
walk-in-handed-over = 來訪者已憑回執把申請轉到自己的手機上。其會話已清除，本電腦上不留任何其個人資料。

## Countries of residence, for the notices that concern the person
country-it = 意大利
country-fr = 法國
country-es = 西班牙
country-de = 德國
country-nl = 荷蘭
country-be = 比利時
country-pt = 葡萄牙
country-at = 奧地利
country-ch = 瑞士
country-gb = 英國
country-ie = 愛爾蘭
country-gr = 希臘
country-hu = 匈牙利
country-cz = 捷克
country-pl = 波蘭
country-ro = 羅馬尼亞
country-rs = 塞爾維亞
country-se = 瑞典
country-za = 南非
country-ng = 尼日利亞
country-ao = 安哥拉
country-ke = 肯尼亞
country-gh = 加納
country-ae = 阿聯酋
country-sa = 沙特阿拉伯
country-us = 美國
country-ca = 加拿大
country-mx = 墨西哥
country-br = 巴西
country-ar = 阿根廷
country-pa = 巴拿馬
country-pe = 秘魯
country-cl = 智利
country-jp = 日本
country-kr = 韓國
country-sg = 新加坡
country-my = 馬來西亞
country-th = 泰國
country-ph = 菲律賓
country-id = 印度尼西亞
country-vn = 越南
country-kh = 柬埔寨
country-au = 澳大利亞
country-nz = 新西蘭
notice-notification-title = 安全提醒：{ $title }
field-error-residence-country = 居住國家：請從列表中選擇一個，或不選。

## Notices
notices-title = 通知與安全提醒
notices-lead = 您所在國家的安全提醒、辦事規定的變化以及暫停服務的海外聯絡站。沒有網絡時也能查看。
notices-country-label = 您居住的國家
notices-country-hint = 僅在本手機或電腦上用於挑選與您有關的通知和使領館，不會發送給任何人。
notices-country-none = 未選擇（只看面向所有人的通知）
notices-refused = 城市發布的最新通知未通過核驗，下面顯示的是上一次核驗通過的通知。
notices-checked = 上次與城市核對：{ $time }
notices-never-checked = 尚未與城市核對。
notices-none-for = { $country }目前沒有通知。
notices-none = 目前沒有面向所有人的通知。選擇您居住的國家，可查看當地的通知。
notices-from = 發布方：{ $signer }
notices-where = 適用國家
notices-sites = 聯絡站
notices-until = 有效至
notices-alerts-label = 安全提醒
notices-open = { $count ->
    [0] 您所在國家的通知
   *[other] 您所在國家的通知（{ $count } 條）
}
notice-kind-safety-alert = 安全提醒
notice-kind-service-change = 辦事變更
notice-kind-site-closure = 聯絡站暫停服務

## Embassies and consulates
contacts-missions = 您所在國家的中國使領館
contacts-missions-choose = 選擇您居住的國家，即可查看當地的中國使領館。
contacts-missions-none = 暫未收錄{ $country }的中國使領館。請撥打下方的 12308 熱線，它為所有國家提供服務。
contacts-mission-area = 領區
contacts-mission-protection = 領事保護（24 小時）
contacts-source = 來源（{ $date }）：
mission-kind-embassy = 大使館
mission-kind-consulate-general = 總領事館

# Switching the current home city
home-city-switch = 家鄉城市：{ $city } · 切換
text-size-label = 字級
text-size-option = { $percent }%
city-switch-title = 切換家鄉城市
city-switch-lead = 顯示的辦事指南和新建的申請屬於您選擇的城市。已開始或已發送的申請仍歸原城市，只發送到該城市的服務器。
city-current = 當前城市
city-switch-to = 切換到{ $city }
draft-withdrawn-tag = 已停止受理
draft-withdrawn = 該城市的辦事目錄已不再提供此項服務。您填寫的內容和材料都已保留：可以打印、隨個人數據一起導出或刪除，但不能再發送。

# A request for more material, in the person's language
outbox-request = 受理部門請您重新提交以下材料：
outbox-request-reason = 原因：{ $reason }
outbox-officer-words = 工作人員原話：
outbox-event-message = 辦理部門給您留言{ $documents ->
    [0] {""}
   *[other] ，附 { $documents } 份文件
}
conversation-title = 與辦理部門的留言
conversation-intro = 可就本申請提問或補充文件。沒有網絡時，留言保存在本設備上，聯網後自動發送；辦理部門的回覆和文件也顯示在這裡。
conversation-empty = 暫無留言。
conversation-you = 我
conversation-office = 辦理部門
conversation-waiting = 等待發送
conversation-delivered = 已送達
conversation-document-size = { $kilobytes } KB
conversation-document-saved = 已保存至 { $path }
conversation-document-open = 打開文件
conversation-save-document = 保存
conversation-write = 留言內容
conversation-attach = 添加照片或 PDF
conversation-remove-attachment = 移除
conversation-send = 發送留言
notify-office-message = { $reference } · 辦理部門給您留言{ $documents ->
    [0] {""}
   *[other] ，附 { $documents } 份文件
}。請打開僑鄉通查看。
field-error-message-text = 留言內容：請填寫內容（不超過 4000 字），或添加文件。
field-error-message-attachments = 文件：每條留言最多 5 份，其餘請在下一條留言中發送。
field-error-message-application = 申請送達並取得受理編號後，才能給辦理部門留言。
field-error-file = 文件：照片（JPEG、PNG 或 WebP）或 PDF，不超過 30 MB。
request-reason-missing = 未提交
request-reason-unreadable = 無法看清（模糊、不完整或太暗）
request-reason-expired = 已過有效期
request-reason-wrong-document = 不是所要求的材料
request-reason-needs-translation = 需要附中文譯文
request-reason-needs-certification = 需要公證或認證
request-reason-incomplete = 缺頁或缺少正反面
