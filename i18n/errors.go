package i18n

import "github.com/medsec-go/medsec"

var (
	errInvalidInput = medsec.ErrInvalidInput
	errInvalidData  = medsec.ErrInvalidData
)
