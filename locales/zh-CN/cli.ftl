## homeward 命令行工具。

cli-error = 错误
cli-catalog-ok = 已检查 { $count } 项办事指南，未发现问题。
cli-catalog-problems = 目录中发现 { $count } 个问题。
cli-pack-written = 已写入 { $path }，共 { $count } 项办事指南。
cli-pack-stale = { $path } 已过期：请运行 `{ $command }` 并提交结果。
cli-pack-current = { $path }（版本 { $version }）与源文件一致。
cli-cities-written = 已写入 { $path }，共 { $count } 个家乡城市。
cli-verify-ok = 签名有效：目录第 { $version } 版，共 { $count } 项办事指南。
cli-verify-failed = 目录包未通过验证
cli-keygen-done = 私钥已写入 { $path }。请离线保管；将上面的公钥写入 catalog/keys/content-key.pub。
cli-search-none = 没有找到匹配的办事指南。
cli-check-valid = 有效：{ $value }
cli-check-invalid = 无效：{ $reason }
cli-check-warning = 请核对
cli-check-unknown-type = 未知类型“{ $type }”。可用类型：{ $types }。

cli-admin-token = 以上是登录令牌，请设置为 HOMEWARD_ADMIN_TOKEN 环境变量后使用其他命令。
cli-admin-none = 没有符合条件的申请。
cli-admin-signature-ok = 设备签名验证通过
cli-admin-signature-bad = 设备签名验证未通过
cli-admin-revision = { $revision ->
    [0] 首次提交
   *[other] 第 { $revision } 次补充提交
}
cli-admin-staff-added = 已添加工作人员账户 { $username }。
cli-admin-staff-disabled = 已停用工作人员账号 { $username }，其登录会话已全部失效。
cli-admin-access-more = 还有更早的记录：加上 --before { $seq } 查看。
cli-admin-device-revoked = 已吊销设备密钥，后台自即日起拒绝该密钥。
cli-admin-signer-trusted = 受信任
cli-admin-signer-revoked = 已吊销

cli-notices-ok = 已检查 { $count } 条通知，未发现问题。
cli-notices-problems = 发现 { $count } 个问题，未发布任何内容。
cli-notices-published = 已发布通知 { $id }：通知源现为第 { $version } 版，共 { $count } 条通知。
cli-notices-withdrawn = 已撤回通知 { $id }：通知源现为第 { $version } 版。
cli-notices-not-found = 此密钥签署的通知源中没有通知 { $id }。
cli-notices-untrusted-key = 城市列表中没有任何城市信任密钥 { $key } 签署通知，应用会拒收其通知源。
cli-notices-kind-not-allowed = 城市列表不信任此密钥发布“{ $kind }”类通知。
cli-notices-published-refused = 后端保存的此密钥的通知源未通过核验，将被替换
cli-notices-none = 后端没有发布任何通知。
cli-notices-feed-refused = 已拒收：应用不会显示此通知源的任何内容
