## The homeward command line.

cli-error = 錯誤
cli-catalog-ok = 已檢查 { $count } 項辦事指南，未發現問題。
cli-catalog-problems = { $count ->
   *[other] 目錄中發現 { $count } 個問題。
}
cli-pack-written = 已寫入 { $path }，共 { $count } 項辦事指南。
cli-pack-stale = { $path } 已過期：請運行 `{ $command }` 並提交結果。
cli-pack-current = { $path }（版本 { $version }）與源文件一致。
cli-cities-written = 已寫入 { $path }，共 { $count ->
       *[other] { $count } 個家鄉城市
    }。
cli-verify-ok = 簽名有效：目錄第 { $version } 版，共 { $count } 項辦事指南。
cli-verify-failed = 目錄包未通過驗證
cli-keygen-done = 私鑰已寫入 { $path }。請離線保管；將上面的公鑰寫入 catalog/keys/content-key.pub。
cli-search-none = 沒有找到匹配的辦事指南。
cli-check-valid = 有效：{ $value }
cli-check-invalid = 無效：{ $reason }
cli-check-warning = 請核對
cli-check-unknown-type = 未知類型「{ $type }」。可用類型：{ $types }。

cli-admin-token = 以上是登錄令牌，請設置為 HOMEWARD_ADMIN_TOKEN 環境變量後使用其他命令。
cli-admin-none = 沒有符合條件的申請。
cli-admin-signature-ok = 設備簽名驗證通過
cli-admin-signature-bad = 設備簽名驗證未通過
cli-admin-revision = { $revision ->
    [0] 首次提交
   *[other] 第 { $revision } 次補充提交
}
cli-admin-staff-added = 已添加工作人員帳戶 { $username }。
cli-admin-staff-disabled = 已停用工作人員帳戶 { $username }，其登錄會話已全部失效。
cli-admin-access-more = 還有更早的記錄：加上 --before { $seq } 查看。
cli-admin-device-revoked = 已吊銷設備密鑰，後臺自即日起拒絕該密鑰。
cli-admin-signer-trusted = 受信任
cli-admin-signer-revoked = 已吊銷

cli-notices-ok = { $count ->
   *[other] 已檢查 { $count } 條通知，未發現問題。
}
cli-notices-problems = { $count ->
   *[other] 發現 { $count } 個問題，未發布任何內容。
}
cli-notices-published = 已發布通知 { $id }：通知源現為第 { $version } 版，共 { $count ->
   *[other] { $count } 條通知
}。
cli-notices-withdrawn = 已撤回通知 { $id }：通知源現為第 { $version } 版。
cli-notices-not-found = 此密鑰簽署的通知源中沒有通知 { $id }。
cli-notices-untrusted-key = 城市列表中沒有任何城市信任密鑰 { $key } 簽署通知，應用會拒收其通知源。
cli-notices-kind-not-allowed = 城市列表不信任此密鑰發布「{ $kind }」類通知。
cli-notices-published-refused = 後端保存的此密鑰的通知源未通過核驗，將被替換
cli-notices-none = 後端沒有發布任何通知。
cli-notices-feed-refused = 已拒收：應用不會顯示此通知源的任何內容
