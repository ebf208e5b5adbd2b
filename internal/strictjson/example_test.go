package strictjson_test

import (
	"fmt"

	"github.com/medsec-go/medsec/internal/strictjson"
)

// A file that encoding/json would read, taking the second institution.
func ExampleDecoder_Unmarshal() {
	type institution struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	}
	type file struct {
		Institution institution `json:"institution"`
	}
	dec := strictjson.New(strictjson.Config{})
	var f file
	errs := dec.Unmarshal([]byte(`{"institution": {"id": "H1", "name": "City\u001b[2J"}, "Institution": {"id": "SHADOW"}}`), &f)
	for _, e := range errs {
		fmt.Printf("%s [%s] %s\n", e.Path, e.Rule, e.Message)
	}
	// Output:
	// /institution/name [control] the text holds the control character U+001B, which is not allowed here
	// /Institution [duplicate-key] the key "Institution" differs from another key of this object only in letter case
}
