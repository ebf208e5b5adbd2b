// Package errcap bounds the number of errors one call of a medsec decoder
// or validator reports. Hostile input can break a rule millions of times;
// a [List] keeps the first [Max] errors and only counts the rest, so that
// the work and memory spent on errors stay small and a user still learns
// how many problems there were ("and N more").
//
// Every decoder and validator of the module collects its errors in a List:
// package strictjson for JSON syntax and shape, the root package for
// instruments, contracts.Validate, obligations catalogs and profiles, and
// the translation files of package i18n. Each turns the count of dropped
// errors into one final error of its own error type.
package errcap

// Max is the most errors one call reports, the final "and N more" error
// included.
const Max = 100

// A List collects errors up to [Max]. The zero value is an empty list
// ready to use. It is not safe for concurrent use.
type List[E any] struct {
	items []E
	more  int
}

// Add records e, or only counts it when the list is full.
func (l *List[E]) Add(e E) {
	if len(l.items) < Max {
		l.items = append(l.items, e)
		return
	}
	l.more++
}

// AddFunc records the error f builds, calling f only when the list has
// room; when the list is full it only counts one more error. Use it where
// building the error costs memory.
func (l *List[E]) AddFunc(f func() E) {
	if len(l.items) < Max {
		l.items = append(l.items, f())
		return
	}
	l.more++
}

// Full reports whether further errors are only counted.
func (l *List[E]) Full() bool { return len(l.items) >= Max }

// Skip counts one error without recording it. Callers use it together
// with [List.Full] to avoid building errors that would be dropped.
func (l *List[E]) Skip() { l.more++ }

// Len returns the number of errors seen, recorded or counted.
func (l *List[E]) Len() int { return len(l.items) + l.more }

// Result returns the errors to report and the number n of errors the
// final "and n more" error stands for: when every error fits, all of them
// and n == 0; otherwise the first Max-1 errors and n ≥ 2, so that with the
// final error the list holds exactly Max entries. The returned slice is
// the caller's own.
func (l *List[E]) Result() (errs []E, n int) {
	if l.more == 0 {
		return append([]E(nil), l.items...), 0
	}
	return append([]E(nil), l.items[:Max-1]...), l.more + 1
}
