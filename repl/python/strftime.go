package python

import (
	"strconv"
	"strings"
	"time"
)

// strftime formats a broken-down time as glibc's strftime does in the C
// locale, for time.strftime and the strftime methods of datetime. The
// flags -, _, 0 and ^ and a field width work as in glibc; an unknown
// directive is copied as it stands.

// tmFields is a broken-down time.
type tmFields struct {
	year, month, day  int
	hour, min, sec    int
	us                int
	wday              int    // 0 is Monday, as Python counts
	yday              int    // 1 is January 1st
	offset            *int   // seconds east of UTC; nil when unknown (a naive datetime)
	zone              string // %Z
	withMicroseconds  bool   // %f is a directive (datetime), not text (time)
	offsetWithSeconds bool   // %z may show seconds, as datetime's does
}

var (
	weekdayNames = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	monthNames   = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
)

// unix is the time's seconds since the epoch, for %s: the offset's, or
// local time's.
func (t tmFields) unix() int64 {
	if t.offset != nil {
		return time.Date(t.year, time.Month(t.month), t.day, t.hour, t.min, t.sec, 0, time.UTC).Unix() - int64(*t.offset)
	}
	return time.Date(t.year, time.Month(t.month), t.day, t.hour, t.min, t.sec, 0, time.Local).Unix()
}

func strftime(format string, t tmFields) string {
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		start := i
		i++
		pad, upper := byte(0), false
		for i < len(format) && strings.IndexByte("-_0^#", format[i]) >= 0 {
			switch format[i] {
			case '^':
				upper = true
			case '#':
			default:
				pad = format[i]
			}
			i++
		}
		width := -1
		for i < len(format) && format[i] >= '0' && format[i] <= '9' {
			if width < 0 {
				width = 0
			}
			width = width*10 + int(format[i]-'0')
			i++
		}
		if i < len(format) && (format[i] == 'E' || format[i] == 'O') {
			i++
		}
		if i >= len(format) {
			b.WriteString(format[start:])
			break
		}
		s, ok := t.directive(format[i], pad, width)
		if !ok {
			b.WriteString(format[start : i+1])
			continue
		}
		if upper {
			s = strings.ToUpper(s)
		}
		b.WriteString(s)
	}
	return b.String()
}

// num formats n in at least digits places, padded with zeros (or as the
// flag says: '-' no padding, '_' spaces).
func num(n, digits int, pad byte, width int, space bool) string {
	if width >= 0 {
		digits = width
	}
	s := strconv.Itoa(n)
	neg := n < 0
	if neg {
		s = s[1:]
	}
	fill := "0"
	if space {
		fill = " "
	}
	switch pad {
	case '-':
		fill = ""
	case '_':
		fill = " "
	case '0':
		fill = "0"
	}
	if fill != "" && len(s) < digits {
		s = strings.Repeat(fill, digits-len(s)) + s
	}
	if neg {
		s = "-" + s
	}
	return s
}

func (t tmFields) directive(c, pad byte, width int) (string, bool) {
	n := func(v, digits int) string { return num(v, digits, pad, width, false) }
	sp := func(v, digits int) string { return num(v, digits, pad, width, true) }
	text := func(s string) string {
		if width > len(s) {
			fill := " "
			if pad == '0' {
				fill = "0"
			}
			return strings.Repeat(fill, width-len(s)) + s
		}
		return s
	}
	sunday := (t.wday + 1) % 7 // 0 is Sunday, as C counts
	hour12 := t.hour % 12
	if hour12 == 0 {
		hour12 = 12
	}
	isoYear, isoWeek := time.Date(t.year, time.Month(t.month), t.day, 0, 0, 0, 0, time.UTC).ISOWeek()
	switch c {
	case 'a':
		return text(weekdayNames[t.wday][:3]), true
	case 'A':
		return text(weekdayNames[t.wday]), true
	case 'b', 'h':
		return text(monthNames[t.month-1][:3]), true
	case 'B':
		return text(monthNames[t.month-1]), true
	case 'c':
		return text(strftime("%a %b %e %H:%M:%S %Y", t)), true
	case 'C':
		return n(t.year/100, 1), true // glibc pads years only when asked
	case 'd':
		return n(t.day, 2), true
	case 'D', 'x':
		return text(strftime("%m/%d/%y", t)), true
	case 'e':
		return sp(t.day, 2), true
	case 'f':
		if !t.withMicroseconds {
			return "", false
		}
		return n(t.us, 6), true
	case 'F':
		return text(strftime("%Y-%m-%d", t)), true
	case 'G':
		return n(isoYear, 1), true
	case 'g':
		return n(isoYear%100, 2), true
	case 'H':
		return n(t.hour, 2), true
	case 'I':
		return n(hour12, 2), true
	case 'j':
		return n(t.yday, 3), true
	case 'k':
		return sp(t.hour, 2), true
	case 'l':
		return sp(hour12, 2), true
	case 'm':
		return n(t.month, 2), true
	case 'M':
		return n(t.min, 2), true
	case 'n':
		return "\n", true
	case 'p':
		if t.hour < 12 {
			return text("AM"), true
		}
		return text("PM"), true
	case 'P':
		if t.hour < 12 {
			return text("am"), true
		}
		return text("pm"), true
	case 'r':
		return text(strftime("%I:%M:%S %p", t)), true
	case 'R':
		return text(strftime("%H:%M", t)), true
	case 's':
		return text(strconv.FormatInt(t.unix(), 10)), true
	case 'S':
		return n(t.sec, 2), true
	case 't':
		return "\t", true
	case 'T', 'X':
		return text(strftime("%H:%M:%S", t)), true
	case 'u':
		return n(t.wday+1, 1), true
	case 'U':
		return n((t.yday-1+7-sunday)/7, 2), true
	case 'V':
		return n(isoWeek, 2), true
	case 'w':
		return n(sunday, 1), true
	case 'W':
		return n((t.yday-1+7-t.wday)/7, 2), true
	case 'y':
		return n(t.year%100, 2), true
	case 'Y':
		return n(t.year, 1), true
	case 'z':
		if t.offset == nil {
			return "", true
		}
		return text(offsetText(*t.offset, 0, "", t.offsetWithSeconds)), true
	case 'Z':
		return text(t.zone), true
	case '%':
		return "%", true
	}
	return "", false
}

// offsetText is a UTC offset as +HHMM (sep "") or +HH:MM, with seconds and
// microseconds only when there are some and full allows them.
func offsetText(secs, us int, sep string, full bool) string {
	sign := "+"
	total := int64(secs)*1e6 + int64(us)
	if total < 0 {
		sign, total = "-", -total
	}
	us = int(total % 1e6)
	s := int(total / 1e6)
	out := sign + num(s/3600, 2, 0, -1, false) + sep + num(s/60%60, 2, 0, -1, false)
	if full && (s%60 != 0 || us != 0) {
		out += sep + num(s%60, 2, 0, -1, false)
		if us != 0 {
			out += "." + num(us, 6, 0, -1, false)
		}
	}
	return out
}
