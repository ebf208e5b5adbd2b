package contracts

import "testing"

func BenchmarkScan(b *testing.B) {
	data := benchData(b)
	sh := contractShape()
	b.ReportAllocs()
	for b.Loop() {
		sc := scanner{data: data, path: make([]byte, 0, 64)}
		sc.document(sh)
		if len(sc.errs) > 0 {
			b.Fatal(sc.errs)
		}
	}
}
