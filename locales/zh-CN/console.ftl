## The back-office console (city staff)
console-title = 侨乡通 · 业务后台
console-sign-in = 工作人员登录
console-sign-out = 退出
console-username = 用户名
console-password = 密码
console-applications = 申请列表
console-filter-status = 状态
console-filter-any = 全部
console-filter-guide = 事项编号
console-filter-apply = 筛选
console-col-reference = 受理编号
console-col-service = 事项
console-col-status = 状态
console-col-department = 承办部门
console-col-updated = 最近更新
console-none = 没有符合条件的申请。
console-back = 返回申请列表
console-revision = { $revision ->
    [0] 首次提交
   *[other] 第 { $revision } 次补充提交
}
console-signature-verified = 设备签名验证通过
console-signature-failed = 设备签名验证未通过
console-identity = 身份核验：
console-device-key = 设备密钥
console-materials = 材料
console-no-materials = 未附材料。
console-decide = 作出决定
console-decision-status = 新状态
console-decision-message = 给申请人的说明（补充材料时请写明需要什么）
console-decision-submit = 保存决定
console-route = 转交部门
console-route-department = 部门名称
console-route-submit = 转交
console-timeline = 办理记录
console-event-routed = 转交至{ $department }
console-event-access = { $staff } 查阅了申请
console-error-title = 无法完成操作
