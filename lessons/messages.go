package lessons

import "fmt"

// messages holds every sentence the engine says, in English and Chinese.
// Format verbs are the same in both versions, in the same order.
var messages = map[string][2]string{
	"step.head":      {"Step %d/%d", "第 %d/%d 步"},
	"step.head.role": {"Step %d/%d (%s)", "第 %d/%d 步（%s）"},
	"step.after":     {"First wait for the %s terminal to finish step %d.", "先等 %s 终端完成第 %d 步。"},
	"step.done":      {"✓ step %d done", "✓ 第 %d 步完成"},
	"step.notyet":    {"Not yet: step %d is not done. %%hint gives a hint, %%show the code.", "还没有：第 %d 步尚未完成。%%hint 给出提示，%%show 显示代码。"},
	"step.first":     {"This is already the first step.", "已经是第一步了。"},
	"step.last":      {"There are no more steps.", "后面没有步骤了。"},
	"step.code":      {"Type:", "输入："},

	"lesson.head":     {"Lesson %s: %s", "课程 %s：%s"},
	"lesson.role":     {"You are the %s. Each other role runs in a terminal of its own:", "你扮演 %s。其他每个角色各用一个终端："},
	"lesson.roleopen": {"sockrepl --role %s    then    %%lesson %s %s", "sockrepl --role %s    然后    %%lesson %s %s"},
	"lesson.root":     {"Some steps need root; as another user they show what happens instead.", "部分步骤需要 root 权限；用普通用户运行时，会改为演示此时的结果。"},
	"lesson.resume":   {"Resuming at step %d (%%lesson reset starts over).", "从第 %d 步继续（%%lesson reset 可以从头开始）。"},
	"lesson.again":    {"You have been through this lesson before; %lesson reset starts it again.", "你之前已经学完了这一课；%lesson reset 可以从头再来。"},
	"lesson.finished": {"Lesson %s finished: that was the last of this terminal's %d steps.", "课程 %s 完成：本终端的 %d 个步骤已经全部走完。"},
	"lesson.partner":  {"The other terminal may still have steps to finish.", "另一个终端可能还有步骤没做完。"},
	"lesson.more":     {"%lesson lists the other lessons.", "%lesson 列出其他课程。"},
	"lesson.leftover": {"Note: %d socket(s) from before are still open (%s). Checks look at every socket, so close them first, or start a fresh sockrepl.",
		"注意：之前的 %d 个套接字仍然开着（%s）。检查会查看所有套接字，请先关闭它们，或者重新启动一个 sockrepl。"},
	"lesson.reset":   {"Progress cleared; back to step 1.", "进度已清除，回到第 1 步。"},
	"lesson.badrole": {"Lesson %s has the roles %s: pick one, e.g. %%lesson %s %s.", "课程 %s 的角色有 %s：请选一个，例如 %%lesson %s %s。"},
	"lesson.norole":  {"Lesson %s has no role %q; its roles are %s.", "课程 %s 没有角色 %q；它的角色是 %s。"},

	"hint.none": {"Type the code shown (%show), or your own line that reaches the same goal.", "输入显示的代码（%show），或者用你自己的写法达到同样的目标。"},

	"list.steps": {"%d steps", "%d 步"},
	"list.done":  {"done", "已完成"},

	"verify.ok":      {"ok   %s  %d steps", "ok   %s  %d 步"},
	"verify.failall": {"FAIL %s: %s", "FAIL %s：%s"},
	"verify.fail":    {"FAIL %s step %d (%s): %s", "FAIL %s 第 %d 步（%s）：%s"},
	"verify.before":  {"check already true before the code ran", "代码运行之前检查就已经为真"},
	"verify.after":   {"check false after code", "代码运行之后检查仍为假"},
	"verify.raised":  {"the code raised %s", "代码抛出了 %s"},
	"verify.runner":  {"cannot start a session for role %s: %v", "无法为角色 %s 启动会话：%v"},
	"verify.blocked": {"the code was still blocked after %s and was interrupted",
		"代码阻塞超过 %s，已被中断"},
	"verify.crash": {"the session failed: %v", "会话出错：%v"},
}

// msg formats message key in lang (English unless lang is "zh").
func msg(lang, key string, args ...any) string {
	m, ok := messages[key]
	if !ok {
		return key
	}
	f := m[0]
	if lang == "zh" {
		f = m[1]
	}
	if len(args) == 0 {
		return f
	}
	return fmt.Sprintf(f, args...)
}
