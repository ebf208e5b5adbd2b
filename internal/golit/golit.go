// Package golit writes Go values as Go source: composite literals that a
// generated file can hold as package-level data.
//
// medsec's tests use it to compile embedded data that every program would
// otherwise decode at run time into Go tables (see the i18n package's
// locale tables). The literals hold only what the compiler can lay out
// statically when they initialise a package-level variable — structs,
// arrays, slices, pointers to composite literals, strings, numbers and
// booleans — so that such a variable costs no initialisation code and no
// heap. Maps and non-nil interfaces are refused, with an error naming the
// path to the value.
//
// [File] makes a whole generated file of such variables, and [Sync] keeps
// it in step with its data: a test regenerates the file when run with
// -update and fails when the file is stale.
package golit

import (
	"bytes"
	"fmt"
	"go/format"
	"maps"
	"os"
	"reflect"
	"slices"
	"strconv"
)

// Append appends v as a Go expression to b. pkgPath is the import path of
// the package the source is for: its types are written unqualified, those
// of other packages qualified by their package name, and the import paths
// of those packages, which the generated file must import, are added to
// imports when it is not nil. Zero struct fields are left out.
func Append(b []byte, v any, pkgPath string, imports map[string]bool) ([]byte, error) {
	w := writer{b: b, pkg: pkgPath, imports: imports}
	if err := w.value(reflect.ValueOf(v), false, "v"); err != nil {
		return b, err
	}
	return w.b, nil
}

type writer struct {
	b       []byte
	pkg     string
	imports map[string]bool // nil: not recorded
}

// typeName writes the Go syntax of t.
func (w *writer) typeName(t reflect.Type) {
	if t.Name() != "" {
		if t.PkgPath() != "" && t.PkgPath() != w.pkg {
			if w.imports != nil {
				w.imports[t.PkgPath()] = true
			}
			w.b = append(w.b, t.String()...) // "pkg.Name"
			return
		}
		w.b = append(w.b, t.Name()...)
		return
	}
	switch t.Kind() {
	case reflect.Pointer:
		w.b = append(w.b, '*')
		w.typeName(t.Elem())
	case reflect.Slice:
		w.b = append(w.b, "[]"...)
		w.typeName(t.Elem())
	case reflect.Array:
		w.b = append(w.b, '[')
		w.b = strconv.AppendInt(w.b, int64(t.Len()), 10)
		w.b = append(w.b, ']')
		w.typeName(t.Elem())
	default:
		w.b = append(w.b, t.String()...)
	}
}

// value writes v; elided is true where the type of a composite literal
// may be left out (an element of an array or slice).
func (w *writer) value(v reflect.Value, elided bool, path string) error {
	t := v.Type()
	switch t.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			w.b = append(w.b, "nil"...)
			return nil
		}
		if t.Elem().Kind() != reflect.Struct && t.Elem().Kind() != reflect.Array && t.Elem().Kind() != reflect.Slice {
			return fmt.Errorf("golit: %s: no literal for a pointer to %s", path, t.Elem())
		}
		if !elided {
			w.b = append(w.b, '&')
		}
		return w.value(v.Elem(), elided, path)
	case reflect.Struct:
		if !elided {
			w.typeName(t)
		}
		w.b = append(w.b, '{')
		first := true
		for i := range t.NumField() {
			f := v.Field(i)
			if f.IsZero() {
				continue
			}
			if !t.Field(i).IsExported() && t.PkgPath() != w.pkg {
				return fmt.Errorf("golit: %s.%s: an unexported field of another package", path, t.Field(i).Name)
			}
			if !first {
				w.b = append(w.b, ", "...)
			}
			first = false
			w.b = append(w.b, t.Field(i).Name...)
			w.b = append(w.b, ": "...)
			if err := w.value(f, false, path+"."+t.Field(i).Name); err != nil {
				return err
			}
		}
		w.b = append(w.b, '}')
		return nil
	case reflect.Slice, reflect.Array:
		if t.Kind() == reflect.Slice && v.IsNil() {
			w.b = append(w.b, "nil"...)
			return nil
		}
		if !elided {
			w.typeName(t)
		}
		w.b = append(w.b, "{\n"...)
		for i := range v.Len() {
			if err := w.value(v.Index(i), true, path+"["+strconv.Itoa(i)+"]"); err != nil {
				return err
			}
			w.b = append(w.b, ",\n"...)
		}
		w.b = append(w.b, '}')
		return nil
	case reflect.String:
		return w.scalar(t, strconv.Quote(v.String()))
	case reflect.Bool:
		return w.scalar(t, strconv.FormatBool(v.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return w.scalar(t, strconv.FormatInt(v.Int(), 10))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return w.scalar(t, strconv.FormatUint(v.Uint(), 10))
	case reflect.Float32, reflect.Float64:
		return w.scalar(t, strconv.FormatFloat(v.Float(), 'g', -1, t.Bits()))
	case reflect.Interface:
		if v.IsNil() {
			w.b = append(w.b, "nil"...)
			return nil
		}
	}
	return fmt.Errorf("golit: %s: no static literal for a value of type %s", path, t)
}

// scalar writes the literal lit of a basic type, converted to t when t is
// a named type.
func (w *writer) scalar(t reflect.Type, lit string) error {
	if t.Name() == "" || t.PkgPath() == "" {
		w.b = append(w.b, lit...)
		return nil
	}
	w.typeName(t)
	w.b = append(w.b, '(')
	w.b = append(w.b, lit...)
	w.b = append(w.b, ')')
	return nil
}

// A Var is a package-level variable of a generated file.
type Var struct {
	Doc   string // its doc comment, without the slashes
	Name  string
	Value any
	// Source, when not empty, is the Go source of the value, written as
	// it is instead of Value: an expression that names other variables,
	// such as a list of their addresses.
	Source string
}

// File returns the formatted source of a generated Go file of the package
// pkgPath (named pkgName) that declares vars; generator says how the file
// is made, for its "Code generated ... DO NOT EDIT." line.
func File(pkgPath, pkgName, generator string, vars ...Var) ([]byte, error) {
	imports := map[string]bool{}
	var body []byte
	for _, v := range vars {
		body = append(body, "\n// "...)
		body = append(body, v.Doc...)
		body = append(body, "\nvar "...)
		body = append(body, v.Name...)
		body = append(body, " = "...)
		if v.Source != "" {
			body = append(body, v.Source...)
		} else {
			var err error
			if body, err = Append(body, v.Value, pkgPath, imports); err != nil {
				return nil, err
			}
		}
		body = append(body, '\n')
	}
	src := []byte("// Code generated by " + generator + "; DO NOT EDIT.\n\npackage " + pkgName + "\n")
	if len(imports) > 0 {
		src = append(src, "\nimport (\n"...)
		for _, path := range slices.Sorted(maps.Keys(imports)) {
			src = append(src, '\t')
			src = strconv.AppendQuote(src, path)
			src = append(src, '\n')
		}
		src = append(src, ")\n"...)
	}
	return format.Source(append(src, body...))
}

// Sync writes src to the file name when update is true; otherwise it
// reports an error when the file does not hold src, saying to run
// generator.
func Sync(name string, src []byte, update bool, generator string) error {
	if update {
		return os.WriteFile(name, src, 0o644)
	}
	got, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	if !bytes.Equal(got, src) {
		return fmt.Errorf("%s does not match the data it is made from: run %s", name, generator)
	}
	return nil
}
