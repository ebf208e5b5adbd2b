// Package apitest drives the exported API of a package in its tests. It
// imports only the standard library, so that the tests of every package
// of the module, the root package included, can use it.
//
// [NilZero] calls every exported function and method with nil and zero
// values and fails on any panic: a caller's mistake must give an error
// or a documented zero result. [Aliasing] calls every exported function
// and method whose results hold slices or maps, mutates everything the
// caller can reach in one result, and checks that the next result is
// unaffected: every result a caller receives must be its own.
//
// [Misformatted] tells a message whose format does not fit its arguments
// from one whose arguments quote input that happens to hold "%!".
//
// NilZero and Aliasing list the package's exported functions, types and
// methods from its source with go/doc and fail when the test's table
// misses one, so that an API added later cannot go untested.
package apitest

import (
	"fmt"
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
)

// An API describes the exported API of a package for [NilZero] and
// [Aliasing].
type API struct {
	// Dir is the package's directory: "." in its own tests.
	Dir string
	// Funcs holds every exported package-level function, by name.
	Funcs map[string]any
	// Types holds a value of every exported type that has methods; its
	// zero value is what NilZero calls the methods on.
	Types []any
	// Skip names functions and methods ("Func", "Type.Method") that are
	// not called, with the reason.
	Skip map[string]string
	// Shared names functions and methods whose results share memory by
	// design, with the reason; Aliasing does not check them.
	Shared map[string]string
}

// exported lists the exported package-level functions and, by type, the
// exported methods of the package in dir, from its non-test sources.
func exported(t testing.TB, dir string) (funcs []string, methods map[string][]string) {
	t.Helper()
	fset := token.NewFileSet()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
	for _, e := range ents {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	p, err := doc.NewFromFiles(fset, files, "example.com/"+filepath.Base(dir))
	if err != nil {
		t.Fatal(err)
	}
	methods = map[string][]string{}
	for _, f := range p.Funcs {
		funcs = append(funcs, f.Name)
	}
	for _, typ := range p.Types {
		for _, f := range typ.Funcs {
			funcs = append(funcs, f.Name)
		}
		for _, m := range typ.Methods {
			methods[typ.Name] = append(methods[typ.Name], m.Name)
		}
	}
	sort.Strings(funcs)
	return funcs, methods
}

// typeOf returns the type a value of API.Types stands for: the element
// type of a pointer.
func typeOf(v any) reflect.Type {
	t := reflect.TypeOf(v)
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

// checkCovered fails for every exported function and type with methods
// that the API's tables miss, and for table entries that are not exported
// API.
func (a *API) checkCovered(t *testing.T) (methods map[string][]string) {
	t.Helper()
	funcs, methods := exported(t, a.Dir)
	for _, f := range funcs {
		if _, ok := a.Funcs[f]; !ok {
			if _, skip := a.Skip[f]; !skip {
				t.Errorf("exported function %s is not in the test's table", f)
			}
		}
	}
	for name := range a.Funcs {
		if !slices.Contains(funcs, name) {
			t.Errorf("the table names %s, which is not an exported function", name)
		}
	}
	have := map[string]bool{}
	for _, v := range a.Types {
		have[typeOf(v).Name()] = true
	}
	for typ := range methods {
		if !have[typ] {
			t.Errorf("exported type %s has methods but is not in the test's table", typ)
		}
	}
	return methods
}

// NilZero calls every function of a.Funcs and every method of the types
// of a.Types, on their zero value, with zero arguments (nil pointers,
// slices, maps, interfaces and functions, zero numbers and strings), and
// once more for each pointer, slice or variadic parameter with a pointer
// to a zero value, or a list of one zero value, there. Slice-typed
// receivers are tried empty and with one zero element. A panic fails the
// test.
func NilZero(t *testing.T, a API) {
	t.Helper()
	a.checkCovered(t)
	names := make([]string, 0, len(a.Funcs))
	for n := range a.Funcs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if _, skip := a.Skip[n]; skip {
			continue
		}
		callVariants(t, n, reflect.ValueOf(a.Funcs[n]))
	}
	for _, v := range a.Types {
		typ := typeOf(v)
		for _, recv := range zeroReceivers(typ) {
			pt := recv.Type()
			for i := 0; i < pt.NumMethod(); i++ {
				m := pt.Method(i)
				name := typ.Name() + "." + m.Name
				if _, skip := a.Skip[name]; skip {
					continue
				}
				callVariants(t, name, recv.Method(i))
			}
		}
	}
}

// zeroReceivers returns pointers to the zero value of t and, for slice
// types, to a slice of one zero element.
func zeroReceivers(t reflect.Type) []reflect.Value {
	out := []reflect.Value{reflect.New(t)}
	if t.Kind() == reflect.Slice {
		one := reflect.New(t)
		one.Elem().Set(reflect.MakeSlice(t, 1, 1))
		out = append(out, one)
	}
	return out
}

// callVariants calls fn with zero arguments and the variants described at
// NilZero.
func callVariants(t *testing.T, name string, fn reflect.Value) {
	t.Helper()
	ft := fn.Type()
	n := ft.NumIn()
	base := make([]reflect.Value, n)
	for i := range n {
		base[i] = reflect.Zero(ft.In(i))
	}
	call(t, name, fn, base)
	for i := range n {
		pt := ft.In(i)
		args := slices.Clone(base)
		switch {
		case ft.IsVariadic() && i == n-1:
			args[i] = reflect.MakeSlice(pt, 1, 1)
		case pt.Kind() == reflect.Pointer:
			args[i] = reflect.New(pt.Elem())
		case pt.Kind() == reflect.Slice:
			args[i] = reflect.MakeSlice(pt, 1, 1)
		default:
			continue
		}
		call(t, name, fn, args)
	}
}

func call(t *testing.T, name string, fn reflect.Value, args []reflect.Value) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			var desc []string
			for _, a := range args {
				desc = append(desc, describe(a))
			}
			t.Errorf("%s(%s) panics: %v", name, strings.Join(desc, ", "), r)
		}
	}()
	if fn.Type().IsVariadic() {
		fn.CallSlice(args)
	} else {
		fn.Call(args)
	}
}

func describe(v reflect.Value) string {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface, reflect.Func, reflect.Map:
		if v.IsNil() {
			return "nil"
		}
		if v.Kind() == reflect.Pointer {
			return "&" + v.Type().Elem().String() + "{}"
		}
	case reflect.Slice:
		if v.IsNil() {
			return "nil"
		}
		return fmt.Sprintf("%s{%d zero}", v.Type(), v.Len())
	}
	return fmt.Sprintf("%#v", v.Interface())
}

// Aliasing checks that results are the caller's own. Calls drive the
// functions and methods that need real arguments ("Func", "Type.Method" →
// a call returning the results); methods without parameters are called on
// each of Samples (values or pointers of the package's types) and, for
// enumerations of kind uint8, on every value. Each call is made three
// times: the second result is mutated wherever a caller can write to it
// (exported fields, slice elements and spare capacity, map entries,
// through pointers and interfaces), and the third must equal the first.
// The second and a fourth call also run concurrently, so that under the
// race detector a shared result is a data race. Every function and method
// whose results can hold a slice or map must be driven.
func Aliasing(t *testing.T, a API, calls map[string]func() any, samples []any) {
	t.Helper()
	methods := a.checkCovered(t)
	_ = methods
	driven := map[string]bool{}
	names := make([]string, 0, len(calls))
	for n := range calls {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if _, ok := a.Shared[n]; !ok {
			checkOwn(t, n, calls[n])
		}
		driven[n] = true
	}
	// Methods without parameters, on the samples and on enum values.
	var recvs []reflect.Value
	for _, s := range samples {
		v := reflect.ValueOf(s)
		if v.Kind() != reflect.Pointer {
			p := reflect.New(v.Type())
			p.Elem().Set(v)
			v = p
		}
		recvs = append(recvs, v)
	}
	for _, tv := range a.Types {
		typ := typeOf(tv)
		if typ.Kind() == reflect.Uint8 {
			for i := range 256 {
				p := reflect.New(typ)
				p.Elem().SetUint(uint64(i))
				recvs = append(recvs, p)
			}
		}
	}
	for _, recv := range recvs {
		pt := recv.Type()
		for i := 0; i < pt.NumMethod(); i++ {
			m := pt.Method(i)
			name := pt.Elem().Name() + "." + m.Name
			if m.Type.NumIn() != 1 || !reaches(m.Type) {
				continue
			}
			if _, skip := a.Skip[name]; skip {
				continue
			}
			driven[name] = true
			if _, ok := a.Shared[name]; ok {
				continue
			}
			fn := recv.Method(i)
			checkOwn(t, name, func() any { return results(fn.Call(nil)) })
		}
	}
	// Everything whose results reach a slice or map must have been driven.
	for n, f := range a.Funcs {
		if _, skip := a.Skip[n]; !skip && reaches(reflect.TypeOf(f)) && !driven[n] {
			t.Errorf("%s returns slices or maps but no call drives it", n)
		}
	}
	for _, tv := range a.Types {
		typ := typeOf(tv)
		pt := reflect.PointerTo(typ)
		for i := 0; i < pt.NumMethod(); i++ {
			m := pt.Method(i)
			name := typ.Name() + "." + m.Name
			if _, skip := a.Skip[name]; !skip && reaches(m.Type) && !driven[name] {
				t.Errorf("%s returns slices or maps but no call or sample drives it", name)
			}
		}
	}
}

func results(vs []reflect.Value) any {
	out := make([]any, len(vs))
	for i, v := range vs {
		out[i] = v.Interface()
	}
	return out
}

// checkOwn makes the calls described at Aliasing.
func checkOwn(t *testing.T, name string, call func() any) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Errorf("%s panics: %v", name, r)
		}
	}()
	before := Dump(call())
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			Mutate(call())
		}()
	}
	wg.Wait()
	if after := Dump(call()); after != before {
		i := 0
		for i < len(before) && i < len(after) && before[i] == after[i] {
			i++
		}
		t.Errorf("%s: a result shares memory with later results: after a caller changed one, the next differs:\nbefore …%s\nafter  …%s",
			name, window(before, i), window(after, i))
	}
}

// window returns the text of s around byte i.
func window(s string, i int) string {
	from, to := max(0, i-200), min(len(s), i+200)
	return s[from:to]
}

var errorType = reflect.TypeFor[error]()

// reaches reports whether a function's results can hold a slice or map
// that a caller can write to: through exported fields, pointers, arrays
// and interfaces other than error.
func reaches(ft reflect.Type) bool {
	seen := map[reflect.Type]bool{}
	for i := 0; i < ft.NumOut(); i++ {
		if reachesType(ft.Out(i), seen) {
			return true
		}
	}
	return false
}

func reachesType(t reflect.Type, seen map[reflect.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	switch t.Kind() {
	case reflect.Slice, reflect.Map:
		return true
	case reflect.Interface:
		return t != errorType
	case reflect.Pointer, reflect.Array:
		return reachesType(t.Elem(), seen)
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			if f := t.Field(i); f.IsExported() && reachesType(f.Type, seen) {
				return true
			}
		}
	}
	return false
}

// Dump renders everything a caller can reach in v (exported fields,
// elements, map entries sorted, pointed-to values, interface values) as
// text, to compare results.
func Dump(v any) string {
	var b strings.Builder
	dump(&b, reflect.ValueOf(v), map[uintptr]bool{})
	return b.String()
}

func dump(b *strings.Builder, v reflect.Value, seen map[uintptr]bool) {
	if !v.IsValid() {
		b.WriteString("<nil>")
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		if seen[v.Pointer()] {
			b.WriteString("<seen>")
			return
		}
		seen[v.Pointer()] = true
		b.WriteString("&")
		dump(b, v.Elem(), seen)
	case reflect.Interface:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		b.WriteString(v.Elem().Type().String() + "(")
		dump(b, v.Elem(), seen)
		b.WriteString(")")
	case reflect.Struct:
		b.WriteString(v.Type().String() + "{")
		for i := 0; i < v.NumField(); i++ {
			if f := v.Type().Field(i); f.IsExported() {
				b.WriteString(f.Name + ":")
				dump(b, v.Field(i), seen)
				b.WriteString(" ")
			}
		}
		b.WriteString("}")
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			b.WriteString("nil")
			return
		}
		fmt.Fprintf(b, "[%d:", v.Len())
		for i := 0; i < v.Len(); i++ {
			dump(b, v.Index(i), seen)
			b.WriteString(",")
		}
		b.WriteString("]")
	case reflect.Map:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		var entries []string
		iter := v.MapRange()
		for iter.Next() {
			var e strings.Builder
			dump(&e, iter.Key(), map[uintptr]bool{})
			e.WriteString("=")
			dump(&e, iter.Value(), seen)
			entries = append(entries, e.String())
		}
		sort.Strings(entries)
		b.WriteString("map[" + strings.Join(entries, " ") + "]")
	case reflect.Func, reflect.Chan, reflect.UnsafePointer:
		b.WriteString(v.Type().String())
	default:
		fmt.Fprintf(b, "%#v", v.Interface())
	}
}

// Mutate changes everything a caller can write to in v: strings, numbers
// and booleans in exported fields, slice elements and map values, through
// pointers and interfaces; it appends to slices with spare capacity and
// then clears maps.
func Mutate(v any) {
	r := reflect.ValueOf(v)
	if !r.IsValid() {
		return
	}
	cp := reflect.New(r.Type()).Elem()
	cp.Set(r)
	mutate(cp, map[uintptr]bool{})
}

func mutate(v reflect.Value, seen map[uintptr]bool) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() || seen[v.Pointer()] {
			return
		}
		seen[v.Pointer()] = true
		mutate(v.Elem(), seen)
	case reflect.Interface:
		if v.IsNil() {
			return
		}
		e := v.Elem()
		switch e.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Map:
			mutate(e, seen)
		default:
			if !v.CanSet() {
				return
			}
			cp := reflect.New(e.Type()).Elem()
			cp.Set(e)
			mutate(cp, seen)
			v.Set(cp)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				mutate(v.Field(i), seen)
			}
		}
	case reflect.Slice:
		if v.IsNil() {
			return
		}
		for i := 0; i < v.Len(); i++ {
			mutate(v.Index(i), seen)
		}
		if v.Cap() > v.Len() {
			reflect.Append(v, reflect.Zero(v.Type().Elem())) // writes into the spare capacity
		}
	case reflect.Array:
		for i := 0; i < v.Len(); i++ {
			mutate(v.Index(i), seen)
		}
	case reflect.Map:
		if v.IsNil() {
			return
		}
		iter := v.MapRange()
		type kv struct{ k, v reflect.Value }
		var all []kv
		for iter.Next() {
			cp := reflect.New(iter.Value().Type()).Elem()
			cp.Set(iter.Value())
			mutate(cp, seen)
			all = append(all, kv{iter.Key(), cp})
		}
		for _, e := range all {
			v.SetMapIndex(e.k, e.v)
		}
		v.Clear()
	case reflect.String:
		if v.CanSet() {
			v.SetString(v.String() + "\x00mutated")
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if v.CanSet() {
			v.SetInt(v.Int() ^ 0x15)
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if v.CanSet() {
			v.SetUint(v.Uint() ^ 0x15)
		}
	case reflect.Float32, reflect.Float64:
		if v.CanSet() {
			v.SetFloat(v.Float() + 1.5)
		}
	case reflect.Bool:
		if v.CanSet() {
			v.SetBool(!v.Bool())
		}
	}
}
