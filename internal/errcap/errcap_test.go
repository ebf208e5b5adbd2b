package errcap

import "testing"

func TestList(t *testing.T) {
	for _, n := range []int{0, 1, Max - 1, Max, Max + 1, 10 * Max} {
		var l List[int]
		built := 0
		for i := range n {
			if i%2 == 0 {
				l.Add(i)
			} else {
				l.AddFunc(func() int { built++; return i })
			}
		}
		errs, more := l.Result()
		if l.Len() != n {
			t.Errorf("n=%d: Len = %d", n, l.Len())
		}
		if n <= Max {
			if len(errs) != n || more != 0 || l.Full() != (n == Max) {
				t.Errorf("n=%d: %d errors, %d more, full %v", n, len(errs), more, l.Full())
			}
		} else if len(errs) != Max-1 || more != n-(Max-1) || !l.Full() {
			t.Errorf("n=%d: %d errors, %d more", n, len(errs), more)
		}
		for i, e := range errs {
			if e != i {
				t.Fatalf("n=%d: error %d is %d: the first errors must be kept in order", n, i, e)
			}
		}
		if built > Max/2 {
			t.Errorf("n=%d: AddFunc built %d errors, more than it kept", n, built)
		}
	}
}

func TestResultIsOwn(t *testing.T) {
	var l List[int]
	l.Add(1)
	a, _ := l.Result()
	a[0] = 9
	if b, _ := l.Result(); b[0] != 1 {
		t.Error("Result shares its backing array with the list")
	}
}
