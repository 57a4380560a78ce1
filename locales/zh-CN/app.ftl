## 应用界面。

app-name = 侨乡通
nav-home = 返回首页
nav-back = 返回
language-switch-label = 界面语言
loading = 正在加载…

## 与市级服务器的连接状态

status-offline = 离线：正在使用本机保存的办事指南，填写的内容已保存在本机。
status-online = 已连接
status-update-refused = 已连接。市里提供的最新办事指南未通过验证，继续使用本机上已验证的版本。
status-checking = 正在检查连接…
status-retry = 重试

## 无法启动时

fatal-title = 侨乡通无法打开您的数据
fatal-hint = 您的资料没有丢失。请重新启动应用；如果问题仍然存在，请联系所在地的侨胞服务联络站。
fatal-start-again = 重新开始（旧数据保留在一旁）

## 错误（按错误代码）

error-invalid-input = 填写的内容格式不正确，请检查后再试。
error-not-found = 找不到该项内容，可能已被删除。
error-storage = 无法读写本机数据。请确认设备存储空间充足后重试。
error-keyring = 无法访问系统密钥库，数据仍加密保存。请解锁系统密钥库后重新启动应用。
error-keys-missing = 本设备密钥库中缺少用于加密侨乡通数据的密钥，因此无法读取您的草稿和申请。如有密钥库备份，请恢复后重新启动应用；否则请选择“重新开始”：旧数据会加密保留在一旁，以防密钥日后找回。
error-no-key-store = 本设备没有可安全保存侨乡通密钥的地方，应用无法保护您的数据，因此不会启动。请在带有系统密钥库的手机或电脑上使用侨乡通。
error-no-home-city = 请先选择您的家乡城市：应用只向您选择的城市发送。
error-offline = 暂时无法连接市级服务器，联网后会自动重试。
error-backend = 市级服务器暂时无法处理请求，请稍后再试。
error-no-font = 本机没有可用于中文的字体，无法生成 PDF。请改用"打印"。
error-unsigned = 这份申请缺少本机签名，市里无法确认它来自您。请更新应用后重新发送。
error-bad-signature = 这份申请在传输中被改动，签名不符，已被拒收。请重新发送。
error-replayed = 这份申请的签名已过期。请检查手机的日期和时间，然后重新发送。
error-unknown-device = 市里不认识这台设备的密钥，或该密钥已被停用。请重新验证身份。
error-idempotency-conflict = 同一份申请被发送了两个不同的版本，已被拒收。请联系侨务联络点。
error-not-signed-in = 请先登录，或检查用户名和密码。
error-not-allowed = 此账户无权进行这项操作。
error-conflict = 在您查看期间，其他工作人员已对该申请作出处理或转办，您的决定未被记录。请重新打开申请查看最新情况后再作决定。
error-material-not-uploaded = 有材料尚未上传完成，应用会先补传材料再重新提交。
error-consent-required = 提交前请先同意处理敏感个人信息并向境内提供。
error-too-many-attempts = 该用户名登录失败次数过多，请 15 分钟后再试。
error-desk-locked = 服务台已锁定，须由志愿者输入 PIN 码打开。
error-attestation-tampered = 身份核验凭证已损坏或在签发后被改动，请重新获取。
error-unknown-signer = 签发身份核验凭证的联络站或工作人员不在城市登记名单中。
error-revoked-signer = 为您核验身份的联络站或工作人员已不再受城市信任，请重新核验身份。
error-attestation-other-device = 该身份核验凭证属于另一台设备，请在本设备上核验身份。
error-attestation-expired = 身份核验凭证已过期，请重新核验身份。
error-attestation-other-person = 该身份核验凭证证明的是另一人，与本申请的申请人不符。请核对您的个人信息，或重新核验身份。
error-revision-other-service = 补充提交的事项与原申请不一致，已被拒收。如需办理其他事项，请新建申请。
error-identity-level-too-low = 该事项需要更高等级的身份核验，请在“我的身份”中查看办法。
error-device-revoked = 本设备的密钥已被吊销（如手机丢失时），城市不再接受其签名的任何内容。请在“我的信息与隐私”中清除应用数据，重新设置并重新核验身份。
error-too-large = 超出市里服务器接收的大小。请附上较小的材料，或分次附上。
error-timed-out = 网络太慢，未能及时完成。应用会自动重试。
error-quota-exceeded = 本设备暂时已达到市里服务器的接收上限。应用稍后会自动重试。
error-insufficient-storage = 市里服务器存储空间不足，暂不接收新材料。应用稍后会自动重试。
error-internal = 应用出现了意外问题，您的数据没有丢失。请重新启动应用。

## 首页

home-title = 在海外，办好家乡事
home-lead = { $city }面向海外侨胞的办事指南，离线可查。每一项都写明是否需要回国、最多跑几次。
home-drafts-title = 我的申请
home-drafts-more = 显示更多申请
draft-answered = 已填写 { $count } 项
draft-updated = 更新于 { $when }
catalogue-version = 办事指南目录 第 { $version } 版 · { $date }

## 事项分类

category-household-registration = 户籍
category-identity-card = 居民身份证
category-entry-exit = 出入境
category-driving-vehicles = 驾驶证与机动车
category-real-estate = 不动产
category-notarisation = 公证与认证
category-social-insurance = 社会保险与养老金
category-medical-insurance = 医疗保险
category-housing-fund = 住房公积金
category-civil-affairs = 民政婚姻
category-tax = 税务
category-overseas-chinese = 侨务
category-education = 教育
category-legal-services = 法律服务
category-consultation = 咨询与信访

## 标签

badge-no-trip = 无需跑腿
badge-one-trip = 最多跑一次
badge-entrustable = 可委托亲属办理

## 办事指南

guide-start = 开始填写申请
guide-your-drafts = 您尚未提交的申请
guide-time-limit = 办理时限
guide-time-limit-same-day = 当场办结
guide-time-limit-days = { $days } 个工作日
guide-fees = 收费标准
guide-department = 受理部门
guide-channels = 办理渠道
guide-who = 申请对象
guide-conditions = 办理条件
guide-materials = 申请材料
guide-steps = 办理流程
guide-entrust = 委托亲属办理
guide-entrust-lead = 您可以委托国内亲属到窗口办理线下环节。亲属需携带：
guide-legal-basis = 设定依据
guide-reviewed = 第 { $version } 版，审核日期 { $date }
guide-translation-note = 本指南以中文文本为准。
material-original = 原件
material-copy = 复印件
material-original-or-copy = 原件或复印件
material-count = { $count } 份
channel-online = 全程网办
channel-liaison-site = 海外联络站协助
channel-counter-in-china = 国内窗口（可委托）

## 填写申请

draft-eyebrow = 申请草稿 · { $city }
draft-autosave-hint = 您输入的每一项内容都会自动保存。
draft-saving = 正在保存…
draft-saved = 已保存在本机
draft-save-failed = 保存失败，请重试。
field-choose = 请选择
field-yes = 是
field-no = 否
field-optional = （选填）

## 搜索

search-label = 搜索办事事项
search-placeholder = 搜索：驾照、户口、gongzheng…
search-results = 找到 { $count } 项
search-none = 没有找到匹配的事项。可以换个说法，或直接咨询热线。
search-clear = 清除搜索
search-ask = 查看咨询热线
home-categories = 事项分类

## 帮助与联络站

nav-help = 帮助
contacts-title = 咨询热线与海外联络站
contacts-lead = 不确定怎么办？打电话问，或到就近的联络站由志愿者当面帮您办理。
contacts-help-lines = 咨询热线
contacts-sites = 海外联络站
contacts-call = 拨打
contacts-write = 发邮件
contacts-address = 地址
contacts-hours = 开放时间
contacts-languages = 服务语言

## 材料清单

materials-progress = 已准备 { $done } / { $total } 项（勾选仅保存在本机）
material-conditional = 部分申请人需要
material-alternatives = 也可提供：
guide-time-limit-calendar-days = { $days } 日（自然日）

## 检查与管理申请

summary-title = 请检查以下内容
draft-check = 检查填写内容
draft-ready-title = 已填写完整
draft-ready-body = 所有必填项均已填写且格式正确。联网后即可提交给受理部门。
draft-duplicate = 复制一份
draft-delete = 删除此申请
draft-delete-confirm-title = 确定删除此申请？
draft-delete-confirm-body = 已填写的内容将从本机删除，且无法恢复。
draft-delete-confirm = 删除
draft-delete-keep = 保留
field-date-placeholder = 年-月-日，如 1985-06-15
draft-progress = 已完成 { $done } / { $total } 项
status-not-started = 未开始
status-in-progress = 填写中
status-needs-attention = 需要修改
status-complete = 已完成

## 上传材料

material-add = 拍照或选择文件
material-adding = 正在处理…
material-camera = 拍照
material-add-failed = 无法使用该文件。请选择照片（JPEG、PNG 或 WebP）或 PDF，大小不超过 30 MB。
material-remove = 移除

## 核对填写内容

answers-eyebrow = 核对填写内容 · { $city }
answers-none = 未填写
answers-change = 修改
answers-print = 打印
draft-review-all = 查看全部填写内容
summary-item = { $label }：{ $problem }
draft-catalogue-changed = 您开始填写后，办事指南已更新。{ $changed ->
    [0] {""}
   *[other] { $changed } 个问题有变化，请核对标注处。
}{ $removed ->
    [0] {""}
   *[other] { $removed } 个不再需要的回答仍保存在本机，不会提交。
}
draft-question-changed = 此问题在您开始填写后有更新，请核对您的回答。

## The printable application (PDF)
pdf-eyebrow = 办事申请表
pdf-not-answered = 未填写
pdf-attached = 已附 { $count } 份材料
pdf-status = 填写状态
pdf-status-complete = 已填写完整
pdf-status-incomplete = 尚未完成：{ $count } 项需要补充或修改
pdf-department = 受理部门
pdf-reference = 申请编号
pdf-generated = 生成日期
pdf-incomplete-note = 这份申请尚未填写完整，标为"需要处理"的内容补齐后才能提交。
pdf-needs-attention = 需要处理
pdf-declaration = 本人承诺以上填写的内容和所附材料真实、准确、完整。
pdf-signature = 申请人签名
pdf-date = 日期
pdf-page = 第 { $page } 页，共 { $pages } 页
answers-pdf = 生成 PDF
answers-pdf-working = 正在生成 PDF…
answers-pdf-saved = PDF 已保存到 { $path }
answers-pdf-open = 打开 PDF

## Sending and the outbox
nav-outbox = 发件箱
send-application = 提交给市里
send-consent-title = 确认提交
send-consent-body = 您填写的内容和所附材料清单将经{ $city }服务器发送给{ $department }，并用本机密钥签名，以证明来自您本人。
send-consent-offline = 没有网络时，申请会先保存在本机发件箱，联网后自动发送，只会送达一次。
send-confirm = 确认提交
send-cancel = 暂不提交
outbox-title = 发件箱
outbox-intro = 已提交的申请和送达情况。没有网络时，申请会保存在本机，联网后自动发送。
outbox-empty = 还没有提交过申请。
outbox-waiting = 等待发送
outbox-sending = 正在发送
outbox-set-aside = 未能送达
outbox-delivered = 已送达
outbox-waiting-first = 已保存在本机，联网后马上发送。
outbox-waiting-next = 已尝试 { $attempts } 次，将于 { $time } 再试。
outbox-retry = 重新发送
outbox-reference = 受理编号
outbox-received-at = 市里于 { $time } 收到
outbox-progress = 已发送 { $sent } KB，共 { $total } KB

## Where an application stands at the city
application-status-received = 已收到
application-status-in-review = 审核中
application-status-more-material-needed = 需补充材料
application-status-approved = 已批准
application-status-rejected = 未予批准
application-status-completed = 已办结
outbox-add-material = 补充材料并重新提交
outbox-send = { $revision ->
    [0] 首次提交
   *[other] 第 { $revision } 次补充提交
}
outbox-timeline = 办理记录（含工作人员查阅记录）
outbox-event-routed = 已转交{ $department }
outbox-event-access = { $role ->
        [administrator] 管理员
        [officer] 核验专员
       *[reviewer] 审核人员
    }查阅了您的申请
outbox-event-access-department = { $department }{ $role ->
        [administrator] 管理员
        [officer] 核验专员
       *[reviewer] 审核人员
    }查阅了您的申请
send-revision = 提交补充材料

## My details and privacy
privacy-link = 我的信息与隐私
privacy-title = 我的信息与隐私
privacy-intro = 您的信息只保存在本机加密数据库中，只有在您提交申请时才会发送给市里。您可以随时导出或删除全部数据。
profile-title = 基本信息
profile-why = 仅用于办理您选择的事项，以及线下核验身份。
profile-name-han = 中文姓名
profile-name-han-hint = 与身份证或户口簿一致，生僻字也可以输入
profile-name-pinyin = 姓名拼音
profile-name-pinyin-hint = 与护照一致，例如 WANG XIAOMING
profile-birth-date = 出生日期
profile-id-number = 公民身份号码
profile-id-number-hint = 如有，请填写；身份证号码和护照号码至少填一项
profile-passport = 护照号码
profile-passport-hint = 例如 E12345678
profile-save = 保存
profile-saved = 已保存在本机
consents-title = 同意事项
consents-intro = 两项同意分别给出，可随时撤回。撤回后不能再提交新的申请，已提交的申请不受影响。
consent-sensitive-data = 处理敏感个人信息
consent-sensitive-data-body = 我同意为办理所选事项处理我的身份证件号码、证件照片等敏感个人信息（《个人信息保护法》第二十八条、第二十九条）。
consent-cross-border = 向境内提供个人信息
consent-cross-border-body = 我同意将申请中的个人信息从我所在的国家发送至每项申请所属家乡城市的有关部门（《个人信息保护法》第三十八条、第三十九条；欧盟《通用数据保护条例》）。
consent-given-at = 已于 { $time } 同意
consent-withdrawn-at = 已于 { $time } 撤回
consent-not-given = 尚未同意
consent-give = 同意
consent-withdraw = 撤回同意
access-title = 谁查阅了我的信息
access-body = 市里工作人员每次打开您的申请、下载您的材料、查看您的身份核验申请或核验您签署的委托书，都会留下记录。您可在此查看每一次记录及其角色和部门。查询时只发送本设备的签名。
access-show = 查看
access-refresh = 重新查看
access-none = 市里尚无人查阅过您的信息。
access-older = 查看更早的记录
access-entry = { $by }{ $action }
access-by = { $role ->
        [administrator] 管理员
        [officer] 核验专员
       *[reviewer] 审核人员
    }
access-by-department = { $department }{ $role ->
        [administrator] 管理员
        [officer] 核验专员
       *[reviewer] 审核人员
    }
access-action-opened-application = 打开了您的申请 { $reference }
access-action-downloaded-document = 下载了您申请 { $reference } 的材料
access-action-read-conversation = 查阅了您申请 { $reference } 的留言
access-action-viewed-proofing-request = 查看了您的身份核验申请及个人信息
access-action-checked-letter = 核验了您签署的委托书
access-action-revoked-device = 吊销了本设备的密钥
access-action-other = 变更了市里的账户或密钥
export-title = 导出全部数据
export-body = 把本应用保存的关于您的全部信息（基本信息、同意记录、草稿、材料、提交记录和回执）导出到下载文件夹。
export-button = 导出
export-done = 已导出到 { $path }
erase-title = 删除全部数据
erase-body = 从本机删除全部草稿、材料、基本信息、同意记录和密钥。已提交给市里的申请不受影响。此操作无法撤销。
erase-confirm = 确定要删除本机上的全部数据吗？删除后应用会关闭。
erase-button = 删除全部数据
erase-done = 已删除。应用即将关闭。

## 我的身份与联络站模式
identity-link = 我的身份
identity-title = 我的身份
identity-level-now = 您的身份核验等级
level-self-asserted = 未核验（本人声明）
level-documents-reviewed = 证件远程审核
level-onsite-attended = 联络站当面核验
level-remote-attended = 工作人员视频核验
level-self-asserted-means = 可办理与本人有关的咨询和证明，多数事项需要更高等级。
level-documents-reviewed-means = 可办理需审核证件的事项，但不能办理需当面核验的事项。
level-onsite-attended-means = 可办理目录中的全部事项。
level-remote-attended-means = 可办理目录中的全部事项。
identity-in-person = 到联络站当面核验
identity-in-person-body = 请携带护照或居民身份证到海外联络站，向志愿者出示下面的身份码；志愿者当面核对证件后给您一份核验凭证。两台设备都无需联网。
identity-profile-needed = 请先填写个人信息（姓名、出生日期和一个证件号码）：身份码会带上这些信息，供志愿者与证件核对。
identity-show-code = 出示我的身份码
identity-code-hint = 请志愿者扫描此码，或把文字复制给志愿者。码中含有您的个人信息，请只向志愿者出示。
qr-image-label = 二维码
code-text-label = 对应的文字
identity-paste-label = 志愿者给您的核验凭证
identity-paste-hint = 扫描志愿者出示的码，或粘贴志愿者给您的文字。
identity-add = 添加核验凭证
identity-added = 已添加核验凭证。
identity-other-ways = 其他方式
identity-way-documents = 如视频无法清楚看到您本人，工作人员仍可只核对您的证件（证件远程审核）：可办理多数事项，但不能办理需当面或视频核验的事项。
identity-find-site = 查找联络站
identity-attestations = 本设备上的核验凭证
attestation-by-site = 由联络站 { $site } 签发
attestation-by-officer = 由工作人员 { $officer } 签发
attestation-dates = 签发于 { $issued }，有效期至 { $expires }
attestation-not-current = 当前无效
document-passport = 护照
document-id-card = 居民身份证
guide-identity = 身份核验要求
guide-identity-how = 如何核验
site-link = 联络站模式（志愿者使用）
site-title = 联络站模式
site-intro = 供联络站志愿者使用：读取来访者的身份码，当面核对证件，并用本站密钥签发核验凭证。本电脑不保留来访者的任何信息。
site-setup = 将本电脑设置为联络站
site-id = 联络站代码
site-id-hint = 小写字母、数字和连字符，以城市分配的为准，例如 prato。
site-name = 联络站名称
site-enable = 生成联络站密钥
site-signing-as = 签发单位
site-key-hint = 本站的公钥。请发给城市管理员；公钥登记后，签发的凭证才有效。
site-read = 读取来访者的身份码
site-read-label = 来访者的身份码
site-read-hint = 扫描对方手机上的码，或粘贴对方给您的文字。
site-read-button = 读取
site-compare = 与眼前的证件逐项核对
site-compare-hint = 每一项都必须与护照或身份证一致，证件照片须为眼前本人。
site-documents-checked = 我已核对
site-face-to-face = 本人亲自到场，且与证件照片相符。
site-sign = 签发核验凭证
site-signed = 已签发核验凭证
site-signed-hint = 请对方扫描此码，或把文字交给对方。凭证有效期三年，仅限对方这台设备使用。
site-next = 下一位
site-leave = 退出联络站模式
site-leave-body = 将销毁本电脑上的联络站密钥。须由城市登记新密钥后，本电脑才能再次签发。
site-leave-confirm = 确定销毁本站密钥？
desk-locked-title = 服务台已锁定
desk-locked-intro = 请选择您的名字并输入您的 PIN 码以打开服务台。
desk-volunteer = 志愿者
desk-pin = PIN 码或口令
desk-pin-hint = 至少 6 个字符，不能全部相同。只应由您本人知道。
desk-pin-again = 再次输入同一 PIN 码
desk-unlock = 打开服务台
desk-on-duty = 当前值班：{ $name }
desk-idle-hint = 无人操作 { $minutes } 分钟后，服务台会自动锁定。离开时请随手锁定。
desk-lock-now = 立即锁定
desk-first-title = 登记第一位志愿者
desk-first-intro = 本站每位志愿者都有自己的名字和 PIN 码（或口令）。服务台只能由志愿者本人打开，在此签发的每份身份确认都会记录签发人。
desk-add-title = 登记其他志愿者
desk-add-intro = 新志愿者将以自己的名字和 PIN 码打开服务台。
desk-volunteer-name = 姓名
desk-add-volunteer = 登记志愿者
desk-volunteers = 本站志愿者
desk-remove-volunteer = 移除
desk-remove-confirm = 确定移除这位志愿者？移除后将无法再打开服务台。
desk-log = 站点日志
desk-log-intro = 记录服务台何时由谁打开和锁定，以及签发了多少份身份确认。这里不保存任何被服务人员的信息。
site-action-volunteer-added = 登记志愿者
site-action-volunteer-removed = 移除志愿者
site-action-unlocked = 打开服务台
site-action-locked = 锁定服务台
site-action-idle-locked = 闲置自动锁定
site-action-pin-refused = PIN 码错误
site-action-attested = 签发身份确认
site-action-walk-in-started = 开始来访者会话
site-action-walk-in-ended = 来访者会话结束并已清除
site-action-walk-in-sealed = 来访者会话已封存，待城市收到后清除
walk-in-title = 来访者
walk-in-intro = 为到服务台来的人单独开一个会话：其个人信息、证件和申请与本站及其他人完全隔离，会话结束即清除。
walk-in-start = 接待新来访者
walk-in-active = 本电脑正在接待一位来访者。
walk-in-back = 回到来访者会话
walk-in-interrupted = 电脑停止时中断的会话
walk-in-started-at = 开始于 { $time }
walk-in-resume = 继续
walk-in-sealed-count = 有 { $count } 个已结束的会话处于封存状态：能连上城市时即发送，之后清除。
walk-in-wiped = 会话已结束，本电脑上不留任何痕迹。
walk-in-sealed = 会话已结束并封存，任何人都无法打开。其中的申请将在能连上城市时发送，之后会话即被清除。
walk-in-bar = 来访者会话
walk-in-bar-hint = 这里的一切都属于服务台前的这位来访者，会话结束即清除。
walk-in-confirm-identity = 核验身份
walk-in-end = 结束会话
walk-in-end-confirm = 确定结束此会话？未发送的草稿将一并删除；已发送的内容在城市收到后立即清除。
walk-in-confirm-title = 当面核验此人身份
walk-in-confirmed = 身份已核验
walk-in-consents = 同意事项
walk-in-read-title = 请向来访者宣读
walk-in-read-hint = 请选择来访者最熟悉的语言，然后朗读下文或请其自行阅读。只有在来访者表示同意时才勾选。
walk-in-read-language = 文字所用语言
walk-in-read-intro = 您今天告诉我们的信息只在本次来访期间保存在这台电脑上，并用专属密钥加密。只有在您决定发送申请时才会发给城市；办理结束、城市收到您发送的内容后，这台电脑上的一切都会被清除。
walk-in-read-choice = 您可以不同意，也可以以后改变主意；没有这两项同意，我们仍可帮您阅读办事指南，但无法代为发送申请。
walk-in-agrees = 来访者同意

## 委托书
letter-eyebrow = 委托书
letter-title = 委托书
letter-body = 本人 { $principal }（证件号码 { $document }）委托 { $agent }（公民身份号码 { $agent_id }）代为办理以下事项：
letter-validity = 委托期限：自 { $from } 起至 { $until } 止（含当日）。
letter-number = 委托书编号 { $id }
letter-proven = 委托人身份已于 { $date } { $level ->
        [onsite-attended] 经联络站 { $issuer } 现场核验
       *[remote-attended] 经工作人员 { $issuer } 视频核验
    }；核验委托书时将一并确认该身份凭证真实有效、属于委托人本人。
letter-verify = 窗口工作人员请扫描二维码，或将其下方的文字提交至 { $url } 或后台管理系统核验。仅在核验结果为有效时方可受理；委托人可随时撤销。
letter-signed = 本委托书已由委托人在城市登记的设备密钥电子签名。
letter-principal = 委托人签名
letters-link = 委托亲属办理
letters-title = 委托亲属办理
letters-intro = 委托书可让您在国内的亲属代您到窗口办理某个环节。应用用本设备的密钥签名；您可打印委托书或把 PDF 发给亲属。窗口扫描其二维码核验，您可随时撤销。
letters-identity-needed = 委托亲属办理前，您须先在海外联络站现场核验身份，或与工作人员视频核验身份。委托书将附带该核验凭证，以便窗口确认委托确由您本人作出。
letters-new = 新建委托书
letters-agent-name = 受托亲属姓名
letters-agent-name-hint = 与其居民身份证一致。
letters-agent-id = 受托亲属公民身份号码
letters-services = 委托办理的事项
letters-valid-until = 有效期至
letters-valid-until-hint = 亲属可代办的最后一天，最长一年，例如 2027-05-31。
letters-sign = 签署委托书
letters-made = 委托书已签署。
letters-yours = 我的委托书
letters-to = 委托 { $agent }
letters-valid-until-at = 有效期至 { $time }
letters-revoked-at = 已于 { $time } 撤销
letters-save-pdf = 保存为 PDF
letters-revoke = 撤销
letters-revoke-confirm = 确定撤销此委托书？窗口将自即日起不予受理。
identity-video = 视频核验
identity-video-body = 城市工作人员通过视频与您通话，查看您本人及护照或身份证，并与您的个人信息核对，效力等同于到联络站核验。
identity-video-contact = 工作人员如何联系您
identity-video-contact-hint = 带国家代码的电话号码、微信号或电子邮箱。
identity-video-ask = 申请视频核验
identity-video-requested = 已于 { $time } 申请。工作人员将与您联系，核验凭证会自动送达应用。
field-error-profile = 请先填写个人信息：姓名、出生日期和一个证件号码。
field-error-agent-name = 受托亲属姓名：请按其居民身份证填写。
field-error-agent-id-number = 受托亲属公民身份号码：18 位，与身份证一致，请核对最后一位。
field-error-guides = 委托事项：请至少选择一项。
field-error-valid-until = 有效期至：请填写今天起一年以内的日期，例如 2027-05-31。
field-error-site-id = 联络站代码：只能包含小写字母、数字和连字符，以城市分配的为准。
field-error-site-name = 联络站名称：请填写名称（不超过 100 个字符）。
field-error-contact = 联系方式：请填写电话号码、微信号或电子邮箱。
field-error-backend-url = 该城市服务器使用未加密的连接（http://），途经网络的任何人都可能读取您的数据，因此侨乡通拒绝使用。城市发布的正式列表和版本都使用 https://。
field-error-home-city = 请从列出的城市中选择一个。家乡城市一经选定便不再更改。
field-error-volunteer-name = 请输入志愿者姓名（1 至 60 个字符），且不能与已登记的志愿者重名。
field-error-volunteer = 不能移除最后一位志愿者，否则将无人能打开服务台。
field-error-new-pin = PIN 码需为 6 至 64 个字符，且不能只是同一个字符重复。
field-error-new-pin-again = 两次输入的 PIN 码不一致，请输入相同的 PIN 码。
field-error-pin = 该 PIN 码与这位志愿者不符。连续输错五次后，该名字将被锁定 15 分钟。
field-error-walk-in-active = 本电脑正在接待一位来访者，请先结束其会话。
field-error-site-mode = 这台电脑属于联络站。如需清除，须先由志愿者在服务台退出联络站模式（这会销毁本站密钥）。
field-error-proof-request = 这不是侨乡通身份码，或内容不完整，请重新扫描或粘贴。
field-error-attestation = 该核验凭证对应的信息与您的个人信息不一致，请向志愿者重新获取。
field-error-documents = 请勾选您核对过的证件。
letters-agent-id-hint = 18 位，与其居民身份证一致。
level-attended-either = 联络站当面核验或视频核验
guide-identity-have = 您已具备
field-error-code-image = 未能从照片中读出二维码。请靠近一些，让整个码清晰地在画面内，或改为粘贴文字。
code-scan = 用相机扫描
code-scanning = 正在读取…
identity-video-declined = 工作人员未能通过视频核验您的身份（无法联系，或信息与证件不符）。请核对个人信息后重新申请，或到联络站核验。
city-title = 您的家乡是哪个城市？
city-lead = 侨乡通只会把您的申请发送到您选择的城市。在您选择之前，不会向任何地方发送任何内容。
city-server = 该市服务器：
city-choose = 我的家乡是{ $city }
city-choosing = 正在选择…
city-once = 每项申请属于它所申请的城市，只发送给该城市。您以后可以切换城市；已开始的申请仍归原城市办理。
city-help-title = 遇到紧急情况，请立即拨打
connection-title = 您家乡城市的服务器
connection-body = 申请发送到此地址，答复也从此处返回。未经您操作，不会发送任何内容。
connection-online = 有应答：已连接。
connection-offline = 目前无应答。您的操作会保存在本设备上，待其应答后再发送。
connection-unknown = 尚未检查。
connection-check = 立即检查
connection-city = 家乡城市：{ $region }{ $city }
connection-fixed = 此地址是在启动应用时指定的，仅用于开发和测试。

walk-in-receipt = 回执
receipt-title = 来访者的回执
receipt-hint = 请打印回执，或让来访者用手机拍下二维码。凭回执可将申请转到本人手机上，或查询办理进度。
receipt-none = 本次服务尚未提交任何申请，因此没有回执。
receipt-heading = 侨乡通回执
receipt-code = 查询码
receipt-secret = 密码
receipt-valid-until = 有效期至
receipt-not-yet-sent = 等待发送
receipt-with-app = 手机上有侨乡通的：打开"发件箱"，选择"凭回执转入"，扫描本二维码或输入查询码和密码。之后申请、市里的答复和补充材料要求都会发到您的手机上。
receipt-without-app = 没有应用的：请携带本回执到联络站点，志愿者可为您查询办理进度，并协助您答复。
receipt-keep-secret = 请妥善保管本回执：持有密码的人可以转入这些申请，且只能转入一次。
receipt-print = 打印回执
take-over-title = 凭回执转入
take-over-intro = 联络站点为您提交了申请并给了您回执？把申请转到本设备上，市里的答复和要求都会发到这里。
take-over-code = 查询码
take-over-secret = 密码
take-over-scan-hint = 也可以从回执照片中读取二维码。
take-over-submit = 转入这些申请
take-over-look = 只查询办理进度
take-over-claimed = 这些申请已转入某个应用，请在该应用中查看。
field-error-receipt = 没有与此查询码和密码对应的回执，或回执已过期，或其申请已被另一台设备转入。
field-error-receipt-code = 查询码：回执上印的 8 位字母和数字。
field-error-receipt-secret = 密码：回执上印的 16 位字母和数字。
receipt-track-online = 也可以在浏览器中输入查询码和密码查询进度：
desk-my-pin = 您本人的 PIN 码
desk-my-pin-hint = 您正在值班：添加志愿者须再次输入您的 PIN 码。
desk-remove-my-pin-hint = 移除志愿者前，请先在此输入您本人的 PIN 码。
field-error-my-pin = PIN 码不对。请输入您打开服务台所用的 PIN 码。
walk-in-handed-over = 来访者已凭回执把申请转到自己的手机上。其会话已清除，本电脑上不留任何其个人资料。

## Countries of residence, for the notices that concern the person
country-it = 意大利
country-fr = 法国
country-es = 西班牙
country-de = 德国
country-nl = 荷兰
country-be = 比利时
country-pt = 葡萄牙
country-at = 奥地利
country-ch = 瑞士
country-gb = 英国
country-ie = 爱尔兰
country-gr = 希腊
country-hu = 匈牙利
country-cz = 捷克
country-pl = 波兰
country-ro = 罗马尼亚
country-rs = 塞尔维亚
country-se = 瑞典
country-za = 南非
country-ng = 尼日利亚
country-ao = 安哥拉
country-ke = 肯尼亚
country-gh = 加纳
country-ae = 阿联酋
country-sa = 沙特阿拉伯
country-us = 美国
country-ca = 加拿大
country-mx = 墨西哥
country-br = 巴西
country-ar = 阿根廷
country-pa = 巴拿马
country-pe = 秘鲁
country-cl = 智利
country-jp = 日本
country-kr = 韩国
country-sg = 新加坡
country-my = 马来西亚
country-th = 泰国
country-ph = 菲律宾
country-id = 印度尼西亚
country-vn = 越南
country-kh = 柬埔寨
country-au = 澳大利亚
country-nz = 新西兰
notice-notification-title = 安全提醒：{ $title }
field-error-residence-country = 居住国家：请从列表中选择一个，或不选。

## Notices
notices-title = 通知与安全提醒
notices-lead = 您所在国家的安全提醒、办事规定的变化以及暂停服务的海外联络站。没有网络时也能查看。
notices-country-label = 您居住的国家
notices-country-hint = 仅在本手机或电脑上用于挑选与您有关的通知和使领馆，不会发送给任何人。
notices-country-none = 未选择（只看面向所有人的通知）
notices-refused = 城市发布的最新通知未通过核验，下面显示的是上一次核验通过的通知。
notices-checked = 上次与城市核对：{ $time }
notices-never-checked = 尚未与城市核对。
notices-none-for = { $country }目前没有通知。
notices-none = 目前没有面向所有人的通知。选择您居住的国家，可查看当地的通知。
notices-from = 发布方：{ $signer }
notices-where = 适用国家
notices-sites = 联络站
notices-until = 有效至
notices-alerts-label = 安全提醒
notices-open = { $count ->
    [0] 您所在国家的通知
   *[other] 您所在国家的通知（{ $count } 条）
}
notice-kind-safety-alert = 安全提醒
notice-kind-service-change = 办事变更
notice-kind-site-closure = 联络站暂停服务

## Embassies and consulates
contacts-missions = 您所在国家的中国使领馆
contacts-missions-choose = 选择您居住的国家，即可查看当地的中国使领馆。
contacts-missions-none = 暂未收录{ $country }的中国使领馆。请拨打下方的 12308 热线，它为所有国家提供服务。
contacts-mission-area = 领区
contacts-mission-protection = 领事保护（24 小时）
contacts-source = 来源（{ $date }）：
mission-kind-embassy = 大使馆
mission-kind-consulate-general = 总领事馆

# 切换当前家乡城市
home-city-switch = 家乡城市：{ $city } · 切换
text-size-label = 字号
text-size-option = { $percent }%
city-switch-title = 切换家乡城市
city-switch-lead = 显示的办事指南和新建的申请属于您选择的城市。已开始或已发送的申请仍归原城市，只发送到该城市的服务器。
city-current = 当前城市
city-switch-to = 切换到{ $city }
draft-withdrawn-tag = 已停止受理
draft-withdrawn = 该城市的办事目录已不再提供此项服务。您填写的内容和材料都已保留：可以打印、随个人数据一起导出或删除，但不能再发送。

# 补充材料要求（以申请人的语言显示）
outbox-request = 受理部门请您重新提交以下材料：
outbox-request-reason = 原因：{ $reason }
outbox-officer-words = 工作人员原话：
outbox-event-message = 办理部门给您留言{ $documents ->
    [0] {""}
   *[other] ，附 { $documents } 份文件
}
conversation-title = 与办理部门的留言
conversation-intro = 可就本申请提问或补充文件。没有网络时，留言保存在本设备上，联网后自动发送；办理部门的回复和文件也显示在这里。
conversation-empty = 暂无留言。
conversation-you = 我
conversation-office = 办理部门
conversation-waiting = 等待发送
conversation-delivered = 已送达
conversation-document-size = { $kilobytes } KB
conversation-document-saved = 已保存至 { $path }
conversation-document-open = 打开文件
conversation-save-document = 保存
conversation-write = 留言内容
conversation-attach = 添加照片或 PDF
conversation-remove-attachment = 移除
conversation-send = 发送留言
notify-office-message = { $reference } · 办理部门给您留言{ $documents ->
    [0] {""}
   *[other] ，附 { $documents } 份文件
}。请打开侨乡通查看。
field-error-message-text = 留言内容：请填写内容（不超过 4000 字），或添加文件。
field-error-message-attachments = 文件：每条留言最多 5 份，其余请在下一条留言中发送。
field-error-message-application = 申请送达并取得受理编号后，才能给办理部门留言。
field-error-file = 文件：照片（JPEG、PNG 或 WebP）或 PDF，不超过 30 MB。
request-reason-missing = 未提交
request-reason-unreadable = 无法看清（模糊、不完整或太暗）
request-reason-expired = 已过有效期
request-reason-wrong-document = 不是所要求的材料
request-reason-needs-translation = 需要附中文译文
request-reason-needs-certification = 需要公证或认证
request-reason-incomplete = 缺页或缺少正反面
