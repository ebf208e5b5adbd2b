package enum_test

import (
	"testing"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/internal/enum"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var colours = enum.Names{"unknown", "red", "green"}

func TestNames(t *testing.T) {
	assert.Equal(t, "unknown", colours.String(0, "Colour"))
	assert.Equal(t, "green", colours.String(2, "Colour"))
	assert.Equal(t, "Colour(7)", colours.String(7, "Colour"))
	assert.Equal(t, "Colour(0)", enum.Names{"", "a"}.String(0, "Colour"), "an empty zero name prints the type")

	b, err := colours.Marshal("paint", 1, "colour")
	require.NoError(t, err)
	assert.Equal(t, "red", string(b))
	for _, v := range []uint8{0, 3} {
		_, err := colours.Marshal("paint", v, "colour")
		require.ErrorIs(t, err, medsec.ErrInvalidInput)
		assert.Contains(t, err.Error(), "paint: colour")
		assert.Contains(t, err.Error(), "want one of red, green")
	}

	v, err := colours.Parse("paint", []byte("green"), "colour")
	require.NoError(t, err)
	assert.Equal(t, uint8(2), v)
	for _, s := range []string{"unknown", "Green", ""} {
		_, err := colours.Parse("paint", []byte(s), "colour")
		require.ErrorIs(t, err, medsec.ErrInvalidInput, s)
		assert.Contains(t, err.Error(), `paint: invalid colour "`+s+`"`)
	}
}
