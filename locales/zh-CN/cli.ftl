## homeward 命令行工具。

cli-error = 错误
cli-catalog-ok = 已检查 { $count } 项办事指南，未发现问题。
cli-catalog-problems = 目录中发现 { $count } 个问题。
cli-pack-written = 已写入 { $path }，共 { $count } 项办事指南。
cli-pack-stale = { $path } 已过期：请运行 `homeward catalog pack` 并提交结果。
cli-pack-current = 目录包（版本 { $version }）与源文件一致。
