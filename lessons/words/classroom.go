package words

// The Chinese of the shell's classroom messages: demos (repl/demo.go),
// themes and %save. They live apart from the catalogue only to keep
// its one long table out of merges; Tr reads them from zh all the same.
func init() {
	for en, z := range map[string]string{
		"usage: %%demo FILE.py [ROLE] | skip | back | stop":   "用法：%%demo 文件名.py [角色] | skip | back | stop",
		"replay a file: each statement appears at the prompt": "重放一个文件：每条语句依次出现在提示符后",
		"demo %s: statement %d of %d":                         "演示 %s：第 %d 条语句，共 %d 条",
		"no demo is running: %%demo FILE.py starts one":       "没有正在进行的演示：用 %%demo 文件名.py 开始一个",
		"demo stopped":    "演示已停止",
		"end of the demo": "演示结束",
		"cannot wait for the %s terminal: progress is not saved":                "无法等待 %s 终端：进度没有保存",
		"waiting for the %s terminal":                                           "正在等待 %s 终端",
		"stopped waiting for the %s terminal":                                   "已停止等待 %s 终端",
		"waited %s":                                                             "等待了 %s",
		"%s has sections for %s: pick one with --role ROLE or %%demo FILE ROLE": "%s 有 %s 的段落：用 --role 角色 或 %%demo 文件 角色 选择一个",
	} {
		zh[en] = z
	}
}
