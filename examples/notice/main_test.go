package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"-kind", "holiday", "-lang", "vi"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	for _, want := range []string{"Số: 15/SYT-VP", "Thanh Hóa, ngày 09 tháng 02 năm 2026", "KT. GIÁM ĐỐC", "- Lưu: VT, VP.", "Công an tỉnh"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q", want)
		}
	}
	out.Reset()
	if code := run([]string{"-kind", "holiday", "-lang", "vi", "-date", "2024-04-25"}, &out, &errb); code != 0 {
		t.Fatal(code)
	}
	if !strings.Contains(out.String(), "Sở Thông tin và Truyền thông") {
		t.Error("a dispatch dated before 2025-03-01 should name the Department of Information and Communications")
	}
	for _, kind := range []string{"circular", "announcement", "nis2-early-warning", "nis2-notification", "nis2-final-report", "vn-initial-report", "cn-report"} {
		for _, lang := range []string{"en", "zh-CN", "zh-TW", "vi", "cs"} {
			out.Reset()
			if code := run([]string{"-kind", kind, "-lang", lang, "-format", "html"}, &out, &errb); code != 0 {
				t.Errorf("%s %s: exit %d: %s", kind, lang, code, errb.String())
			}
		}
	}
	if code := run([]string{"-kind", "nope"}, &out, &errb); code != 2 {
		t.Errorf("unknown kind: exit %d", code)
	}
	if code := run([]string{"-format", "pdf"}, &out, &errb); code != 2 {
		t.Errorf("unknown format: exit %d", code)
	}
}
