package obligations

import "testing"

func TestSmoke(t *testing.T) {
	c, err := defaultCatalog()
	if err != nil {
		t.Fatal(err)
	}
	t.Log(c.Len())
}
