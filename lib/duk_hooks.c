/* SPDX-License-Identifier: MIT */
/*
 * Duktape, compiled from the source duktape-dev installs (copied to
 * lib/duk/duktape.c at build time), in one unit with the few calls
 * fcworker needs that Duktape's public API does not have. Built like
 * Duktape itself, without our warning flags.
 */
#include "duktape.c"

#include "duk_hooks.h"

void fcw_duk_request_interrupt(duk_context *ctx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_hthread *cur = thr != NULL && thr->heap != NULL ? thr->heap->curr_thread : NULL;
    if (cur != NULL) {
        /* as Duktape's debugger forces an interrupt: keep the instruction
         * count consistent, then trigger at the next instruction */
        cur->interrupt_init -= cur->interrupt_counter;
        cur->interrupt_counter = 0;
    }
}

void *fcw_duk_heap_udata(duk_context *ctx)
{
    return ((duk_hthread *) ctx)->heap->heap_udata;
}

/* The empty buffer every detached buffer object points to, one per heap
 * (kept in the heap stash): it tells a detached ArrayBuffer from one of
 * length 0. */
static duk_hbuffer *detached_buffer(duk_hthread *thr)
{
    duk_context *ctx = (duk_context *) thr;
    duk_hbuffer *h;

    duk_push_heap_stash(ctx);
    if (!duk_get_prop_literal(ctx, -1, DUK_HIDDEN_SYMBOL("fcwDetachedBuffer"))) {
        duk_pop(ctx);
        (void) duk_push_fixed_buffer(ctx, 0);
        duk_dup_top(ctx);
        duk_put_prop_literal(ctx, -3, DUK_HIDDEN_SYMBOL("fcwDetachedBuffer"));
    }
    h = duk_known_hbuffer(thr, -1);
    duk_pop_2(ctx);
    return h;
}

int fcw_duk_detach_arraybuffer(duk_context *ctx, duk_idx_t idx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_heap *heap = thr->heap;
    duk_hobject *obj = duk_get_hobject(thr, idx);
    duk_hbuffer *empty, *old;
    duk_heaphdr *h;

    if (obj == NULL || DUK_HOBJECT_GET_CLASS_NUMBER(obj) != DUK_HOBJECT_CLASS_ARRAYBUFFER)
        return -1;
    empty = detached_buffer(thr);
    old = ((duk_hbufobj *) obj)->buf;
    if (old == empty)
        return 0;
    if (old == NULL) {
        ((duk_hbufobj *) obj)->buf = empty;
        DUK_HBUFFER_INCREF(thr, empty);
        ((duk_hbufobj *) obj)->offset = 0;
        ((duk_hbufobj *) obj)->length = 0;
        return 0;
    }
    /* every buffer object over the same bytes (the ArrayBuffer, its
     * views, another ArrayBuffer made over them by C) is found on the
     * heap's list of objects; the extra reference keeps old (itself on
     * that list) alive while the list is walked */
    DUK_HBUFFER_INCREF(thr, old);
    for (h = heap->heap_allocated; h != NULL; h = DUK_HEAPHDR_GET_NEXT(heap, h)) {
        duk_hbufobj *bufobj;
        if (DUK_HEAPHDR_GET_TYPE(h) != DUK_HTYPE_OBJECT || !DUK_HOBJECT_IS_BUFOBJ((duk_hobject *) h))
            continue;
        bufobj = (duk_hbufobj *) h;
        if (bufobj->buf != old)
            continue;
        bufobj->buf = empty;
        DUK_HBUFFER_INCREF(thr, empty);
        bufobj->offset = 0;
        bufobj->length = 0;
        DUK_HBUFFER_DECREF_NORZ(thr, old);
    }
    DUK_HBUFFER_DECREF_NORZ(thr, old);
    return 0;
}

duk_ret_t fcw_duk_private_base(duk_context *ctx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_hobject *obj = duk_get_hobject(thr, 0);
    duk_hstring *key;
    duk_propdesc desc;

    if (obj != NULL) {
        key = duk_to_property_key_hstring(thr, 1);
        if (duk_hobject_get_own_propdesc(thr, obj, key, &desc, 0)) {
            duk_set_top(thr, 1);
            return 1;
        }
    }
    return duk_error(ctx, DUK_ERR_TYPE_ERROR, "attempted to use private field on non-instance");
}

int fcw_duk_arraybuffer_state(duk_context *ctx, duk_idx_t idx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_hobject *obj = duk_get_hobject(thr, idx);

    if (obj == NULL || DUK_HOBJECT_GET_CLASS_NUMBER(obj) != DUK_HOBJECT_CLASS_ARRAYBUFFER)
        return -1;
    return ((duk_hbufobj *) obj)->buf == detached_buffer(thr) ? 1 : 0;
}

/* Whether obj has an own property key (not looked up further). */
static int has_own_entry(duk_hthread *thr, duk_hobject *obj, duk_hstring *key)
{
    duk_int_t e_idx, h_idx;
    return duk_hobject_find_entry(thr->heap, obj, key, &e_idx, &h_idx) && e_idx >= 0;
}

/* Also: a C function made through Duktape's API inherits from
 * %NativeFunctionPrototype%, whose getters answer its name and length;
 * one that has its own (as every runtime built-in sets them) gets
 * Function.prototype instead, as every built-in function has it. */
static void make_non_constructor(duk_hthread *thr, duk_hobject *f)
{
    if (f != NULL && DUK_HOBJECT_IS_CALLABLE(f)) {
        DUK_HOBJECT_CLEAR_CONSTRUCTABLE(f);
        (void) duk_hobject_delprop_raw(thr, f, DUK_HTHREAD_STRING_PROTOTYPE(thr), DUK_DELPROP_FLAG_FORCE);
        if (DUK_HOBJECT_IS_NATFUNC(f) &&
            DUK_HOBJECT_GET_PROTOTYPE(thr->heap, f) == thr->builtins[DUK_BIDX_NATIVE_FUNCTION_PROTOTYPE] &&
            has_own_entry(thr, f, DUK_HTHREAD_STRING_NAME(thr)) && has_own_entry(thr, f, DUK_HTHREAD_STRING_LENGTH(thr)))
            DUK_HOBJECT_SET_PROTOTYPE_UPDREF(thr, f, thr->builtins[DUK_BIDX_FUNCTION_PROTOTYPE]);
    }
}

void fcw_duk_make_non_constructor(duk_context *ctx, duk_idx_t idx)
{
    make_non_constructor((duk_hthread *) ctx, duk_get_hobject((duk_hthread *) ctx, idx));
}

/* Whether a property key names a constructor hung on a namespace or a
 * class (a string starting with an ASCII capital). */
static int names_class(duk_hstring *key)
{
    const duk_uint8_t *s = DUK_HSTRING_GET_DATA(key);
    return !DUK_HSTRING_HAS_SYMBOL(key) && DUK_HSTRING_GET_BYTELEN(key) > 0 && s[0] >= 'A' && s[0] <= 'Z';
}

/* obj.constructor when it is a data property (obj's own or inherited), read
 * without calling a getter: %IteratorPrototype%'s is an accessor, whose
 * getter in a process for one request loads js/14-es2025.js
 * (lib/runtime_lazy.c); no walked object holds the constructor it answers
 * (Iterator) but under "constructor", which the walk skips anyway. */
static duk_hobject *constructor_of(duk_hthread *thr, duk_hobject *obj)
{
    duk_heap *heap = thr->heap;
    duk_hobject *p;
    duk_int_t e_idx, h_idx, k;
    duk_tval *tv;

    for (p = obj, k = 0; p != NULL && k <= 100; p = DUK_HOBJECT_GET_PROTOTYPE(heap, p), k++) {
        if (DUK_HOBJECT_IS_PROXY(p))
            return NULL;
        if (duk_hobject_find_entry(heap, p, DUK_HTHREAD_STRING_CONSTRUCTOR(thr), &e_idx, &h_idx)) {
            if (e_idx < 0 || DUK_HOBJECT_E_SLOT_IS_ACCESSOR(heap, p, e_idx))
                return NULL;
            tv = DUK_HOBJECT_E_GET_VALUE_TVAL_PTR(heap, p, e_idx);
            return DUK_TVAL_IS_OBJECT(tv) ? DUK_TVAL_GET_OBJECT(tv) : NULL;
        }
    }
    return NULL;
}

void fcw_duk_make_methods_non_constructors(duk_context *ctx, duk_idx_t idx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_heap *heap = thr->heap;
    duk_hobject *obj = duk_get_hobject(thr, idx);
    duk_hobject *ctor, *f;
    duk_tval *tv;
    duk_hstring *key;
    duk_uint_fast32_t i;

    if (obj == NULL)
        return;
    duk_push_hobject(thr, obj); /* reachable while it is walked */
    ctor = constructor_of(thr, obj);
    if (ctor != NULL)
        duk_push_hobject(thr, ctor);
    else
        duk_push_undefined(thr);
    /* Marking deletes a property of another object (or of obj itself,
     * which leaves its entry part where it is): read obj's slots afresh
     * for each index. */
    for (i = 0; i < DUK_HOBJECT_GET_ENEXT(obj); i++) {
        key = DUK_HOBJECT_E_GET_KEY(heap, obj, i);
        if (key == NULL || DUK_HSTRING_HAS_HIDDEN(key) || key == DUK_HTHREAD_STRING_CONSTRUCTOR(thr) ||
            key == DUK_HTHREAD_STRING_PROTOTYPE(thr))
            continue;
        if (DUK_HOBJECT_E_SLOT_IS_ACCESSOR(heap, obj, i)) {
            make_non_constructor(thr, DUK_HOBJECT_E_GET_VALUE_GETTER(heap, obj, i));
            make_non_constructor(thr, DUK_HOBJECT_E_GET_VALUE_SETTER(heap, obj, i));
            continue;
        }
        tv = DUK_HOBJECT_E_GET_VALUE_TVAL_PTR(heap, obj, i);
        if (!DUK_TVAL_IS_OBJECT(tv))
            continue;
        f = DUK_TVAL_GET_OBJECT(tv);
        if (f != ctor && !names_class(key))
            make_non_constructor(thr, f);
    }
    duk_pop_2(thr);
}

/* The mark fcworker-build leaves on a function that the source does not
 * make a constructor: the directive "use duk notail" first in its body,
 * which Duktape's compiler records as the template's NOTAIL flag. The mark
 * becomes what the source meant: no [[Construct]], so no `prototype`
 * object (with its cycle back to the function, which only mark-and-sweep
 * frees) for each closure made from it, and no binding of the function's
 * own name around its body (SWC names a lowered arrow function after its
 * variable only to give it a `name`). NOTAIL itself goes: the compiler
 * emits the same bytecode either way. */
static void apply_notail_mark(duk_hcompfunc *f)
{
    duk_hobject *obj = (duk_hobject *) f;
    if (!DUK_HOBJECT_HAS_NOTAIL(obj))
        return;
    DUK_HOBJECT_CLEAR_NOTAIL(obj);
    DUK_HOBJECT_CLEAR_CONSTRUCTABLE(obj);
    DUK_HOBJECT_CLEAR_NAMEBINDING(obj);
}

/* Whether key is "_fcwD$" followed by the decimal digits of i. */
static int is_hidden_formal(duk_hstring *key, duk_uint32_t i)
{
    char want[24];
    int n = snprintf(want, sizeof want, "_fcwD$%lu", (unsigned long) i);
    return key != NULL && DUK_HSTRING_GET_BYTELEN(key) == (duk_size_t) n &&
           memcmp(DUK_HSTRING_GET_DATA(key), want, (size_t) n) == 0;
}

/* The mark of lib/hidden-params.js of fcworker-build: a function whose
 * lowered default (or rest) parameters read `arguments` now takes them as
 * formals named _fcwD$<index> after its own, and ends in an unreachable
 * `arguments` (for which Duktape keeps the formals' names and sets
 * CREATEARGS). The mark becomes what the source meant: no arguments object
 * at each call (CREATEARGS goes: nothing reads it), and a `length` of the
 * formals before the hidden ones (the closure's length is that of
 * _Formals, now those alone). A template whose formals from some index on
 * are not all hidden ones keeps everything. */
static void apply_formals_mark(duk_hthread *thr, duk_hcompfunc *f)
{
    duk_hobject *obj = (duk_hobject *) f;
    duk_harray *formals;
    duk_tval *items;
    duk_uint32_t i, visible;

    if (!DUK_HOBJECT_HAS_CREATEARGS(obj))
        return;
    formals = duk_hobject_get_formals(thr, obj);
    if (formals == NULL || formals->length == 0 || formals->length != (duk_uint32_t) f->nargs ||
        !DUK_HOBJECT_HAS_ARRAY_PART((duk_hobject *) formals) ||
        DUK_HOBJECT_GET_ASIZE((duk_hobject *) formals) < formals->length)
        return;
    items = DUK_HOBJECT_A_GET_BASE(thr->heap, (duk_hobject *) formals);
    for (visible = 0; visible < formals->length; visible++) {
        duk_tval *tv = items + visible;
        if (DUK_TVAL_IS_STRING(tv) && is_hidden_formal(DUK_TVAL_GET_STRING(tv), visible))
            break;
    }
    if (visible == formals->length)
        return;
    for (i = visible; i < formals->length; i++) {
        duk_tval *tv = items + i;
        if (!DUK_TVAL_IS_STRING(tv) || !is_hidden_formal(DUK_TVAL_GET_STRING(tv), i))
            return;
    }
    /* [ obj formals new ]: the names copied through the API (an
     * allocation may collect, and an emergency collection compacts) */
    duk_push_hobject(thr, obj);
    duk_push_hobject(thr, (duk_hobject *) formals);
    duk_push_array(thr);
    for (i = 0; i < visible; i++) {
        duk_get_prop_index(thr, -2, (duk_uarridx_t) i);
        duk_put_prop_index(thr, -2, (duk_uarridx_t) i);
    }
    (void) duk_hobject_delprop_raw(thr, obj, DUK_HTHREAD_STRING_INT_FORMALS(thr), DUK_DELPROP_FLAG_FORCE);
    duk_xdef_prop_stridx_short(thr, -3, DUK_STRIDX_INT_FORMALS, DUK_PROPDESC_FLAGS_NONE);
    duk_pop_2(thr);
    DUK_HOBJECT_CLEAR_CREATEARGS(obj);
}

/* Strictness that no one can see. Each closure of a strict function
 * carries two own accessors, `caller` and `arguments`, that throw (ES5's
 * rule; since ES2015 only %Function.prototype% has them): 1,400 of the
 * 4,400 instructions a closure costs. Duktape consults a function's
 * strictness only where its own code reads `this` (a non-strict callee's
 * `this` is coerced at the call), assigns or deletes a property or a
 * variable (strict code throws where non-strict code fails silently; not
 * for a variable that a function around it declares: declared_outside),
 * makes an arguments object or evaluates code directly (the code inherits
 * it). A worker script's strict template whose bytecode does none of
 * these (most arrow functions and many small methods: their `this` is a
 * captured variable) is made non-strict (fcw_duk_apply_script_marks; the
 * runtime's own functions stand for built-ins and stay as they are): its
 * closures lose the two accessors, as closures have them in ES2015, and
 * behave as before. What changes is what reading `fn.caller` or
 * `fn.arguments` gives: undefined instead of a TypeError (Duktape's
 * %Function.prototype% has no such accessors). */
#define MAX_CATCH_BINDINGS 32

/* Whether op is a call of a function named `eval`: a direct eval, decided
 * at run time. */
static int is_eval_call(duk_small_uint_t op)
{
    return op >= DUK_OP_CALL0 && op <= DUK_OP_CALL15 && (op & DUK_BC_CALL_FLAG_CALLED_AS_EVAL);
}

/* Whether obj, a named function expression's template, binds name around
 * its body (or its name cannot be read). */
static int binds_own_name(duk_hthread *thr, duk_hobject *obj, duk_hstring *name)
{
    duk_tval *tv;
    if (!DUK_HOBJECT_HAS_NAMEBINDING(obj))
        return 0;
    tv = duk_hobject_find_entry_tval_ptr(thr->heap, obj, DUK_HTHREAD_STRING_NAME(thr));
    return tv == NULL || !DUK_TVAL_IS_STRING(tv) || DUK_TVAL_GET_STRING(tv) == name;
}

/* The nearest binding of name among the templates in chain (innermost
 * first): CHAIN_VAR a variable of one's map, CHAIN_OTHER a named function
 * expression's own name or, where flags is given, a template whose
 * flags[i] is not 0 (a direct eval or a `with`: anything may bind it
 * there), CHAIN_NONE none of these. Serves the constants pass
 * (bind_shadowed) and strictness_unseen (declared_outside). */
enum { CHAIN_NONE, CHAIN_VAR, CHAIN_OTHER };

static int chain_binding(duk_hthread *thr, duk_hcompfunc *const *chain, const int *flags, int depth,
                         duk_hstring *name)
{
    for (int i = 0; i < depth; i++) {
        duk_hobject *obj = (duk_hobject *) chain[i];
        duk_hobject *varmap;
        if (flags != NULL && flags[i] != 0)
            return CHAIN_OTHER;
        varmap = duk_hobject_get_varmap(thr, obj);
        if (varmap != NULL && duk_hobject_find_entry_tval_ptr(thr->heap, varmap, name) != NULL)
            return CHAIN_VAR;
        if (binds_own_name(thr, obj, name))
            return CHAIN_OTHER;
    }
    return CHAIN_NONE;
}

/* The functions around a template, innermost first, each with what its
 * bytecode has of a direct eval or a `with` (code_flags). */
#define STRICT_MAX_DEPTH 32
struct strict_outer {
    duk_hcompfunc *chain[STRICT_MAX_DEPTH];
    int flags[STRICT_MAX_DEPTH];
    int depth;
};

static int code_flags(duk_hthread *thr, duk_hcompfunc *f);

/* Whether a PUTVAR of f, of the name at constant k, writes a variable that
 * a function around f declares: the name's nearest binding is in that
 * function's variable map (a var, a parameter, a function declaration;
 * the maps keep every name a nested function uses), before any named
 * function expression's own name (which strict code may not assign) and
 * with no direct eval or `with` on the way. Strict and non-strict code
 * write such a variable alike; a name bound nowhere (a global: strict code
 * throws a ReferenceError) or otherwise is left strict. */
static int declared_outside(duk_hthread *thr, duk_hcompfunc *f, const struct strict_outer *outer, duk_uint_t k)
{
    duk_tval *consts = DUK_HCOMPFUNC_GET_CONSTS_BASE(thr->heap, f);
    duk_uint_t nconsts = (duk_uint_t) (DUK_HCOMPFUNC_GET_CONSTS_END(thr->heap, f) - consts);
    duk_hstring *name;

    if (outer == NULL || k >= nconsts || !DUK_TVAL_IS_STRING(consts + k))
        return 0;
    name = DUK_TVAL_GET_STRING(consts + k);
    return !binds_own_name(thr, (duk_hobject *) f, name) &&
           chain_binding(thr, outer->chain, outer->flags, outer->depth, name) == CHAIN_VAR;
}

static int strictness_unseen(duk_hthread *thr, duk_hcompfunc *f, const struct strict_outer *outer)
{
    duk_instr_t *base = DUK_HCOMPFUNC_GET_CODE_BASE(thr->heap, f);
    duk_instr_t *end = DUK_HCOMPFUNC_GET_CODE_END(thr->heap, f);
    duk_instr_t *pc;
    /* the PUTVAR that binds a catch clause's variable (`catch (e)`): the
     * first instruction the TRYCATCH's catch jump leads to, from the
     * TRYCATCH's register; it writes a binding just made, as non-strict
     * code would */
    duk_instr_t *binds[MAX_CATCH_BINDINGS];
    int nbinds = 0;

    if (DUK_HOBJECT_HAS_CREATEARGS((duk_hobject *) f))
        return 0;
    for (pc = base; pc + 1 < end; pc++) {
        duk_instr_t *target;
        if (DUK_DEC_OP(*pc) != DUK_OP_TRYCATCH || !(DUK_DEC_A(*pc) & DUK_BC_TRYCATCH_FLAG_CATCH_BINDING) ||
            DUK_DEC_OP(pc[1]) != DUK_OP_JUMP || nbinds == MAX_CATCH_BINDINGS)
            continue;
        target = pc + 2 + ((duk_int_fast_t) DUK_DEC_ABC(pc[1]) - (duk_int_fast_t) DUK_BC_JUMP_BIAS);
        if (target >= base && target < end && DUK_DEC_OP(*target) == DUK_OP_PUTVAR &&
            DUK_DEC_A(*target) == DUK_DEC_BC(*pc))
            binds[nbinds++] = target;
    }
    for (pc = base; pc < end; pc++) {
        duk_small_uint_t op = (duk_small_uint_t) DUK_DEC_OP(*pc);
        int i;
        switch (op) {
        case DUK_OP_LDTHIS:
        case DUK_OP_DELVAR:
            return 0;
        case DUK_OP_PUTVAR:
            for (i = 0; i < nbinds && binds[i] != pc; i++)
                ;
            if (i == nbinds && !declared_outside(thr, f, outer, DUK_DEC_BC(*pc)))
                return 0;
            continue;
        default:
            break;
        }
        /* PUTPROP, DELPROP, ++/-- of a variable or a property, DECLVAR
         * (++/-- of a register, 120-123, are plain arithmetic) */
        if (op >= DUK_OP_PUTPROP && op <= DUK_OP_DECLVAR_CC && !(op >= DUK_OP_PREINCR && op <= DUK_OP_POSTDECR))
            return 0;
        if (is_eval_call(op))
            return 0;
    }
    return 1;
}

static void apply_mark(duk_hthread *thr, duk_hcompfunc *f)
{
    apply_notail_mark(f);
    apply_formals_mark(thr, f);
}

/* Calls visit on each function template nested directly in f. */
static void each_nested(duk_hthread *thr, duk_hcompfunc *f, void (*visit)(duk_hthread *thr, duk_hcompfunc *g))
{
    duk_hobject **fn = DUK_HCOMPFUNC_GET_FUNCS_BASE(thr->heap, f);
    duk_hobject **fn_end = DUK_HCOMPFUNC_GET_FUNCS_END(thr->heap, f);
    for (; fn != fn_end; fn++) {
        if (DUK_HOBJECT_IS_COMPFUNC(*fn))
            visit(thr, (duk_hcompfunc *) *fn);
    }
}

/* strictness_unseen for the templates nested in outer->chain[0], at every
 * depth (past STRICT_MAX_DEPTH without the functions around them, so
 * that their PUTVARs keep them strict) */
static void unmark_strict_in(duk_hthread *thr, struct strict_outer *outer)
{
    duk_hcompfunc *f = outer->chain[0];
    duk_hobject **fn = DUK_HCOMPFUNC_GET_FUNCS_BASE(thr->heap, f);
    duk_hobject **fn_end = DUK_HCOMPFUNC_GET_FUNCS_END(thr->heap, f);
    int known = outer->depth < STRICT_MAX_DEPTH;

    for (; fn != fn_end; fn++) {
        duk_hcompfunc *g;
        if (!DUK_HOBJECT_IS_COMPFUNC(*fn))
            continue;
        g = (duk_hcompfunc *) *fn;
        if (DUK_HOBJECT_HAS_STRICT((duk_hobject *) g) && strictness_unseen(thr, g, known ? outer : NULL))
            DUK_HOBJECT_CLEAR_STRICT((duk_hobject *) g);
        if (known) {
            memmove(outer->chain + 1, outer->chain, (size_t) outer->depth * sizeof outer->chain[0]);
            memmove(outer->flags + 1, outer->flags, (size_t) outer->depth * sizeof outer->flags[0]);
            outer->chain[0] = g;
            outer->flags[0] = code_flags(thr, g);
            outer->depth++;
            unmark_strict_in(thr, outer);
            outer->depth--;
            memmove(outer->chain, outer->chain + 1, (size_t) outer->depth * sizeof outer->chain[0]);
            memmove(outer->flags, outer->flags + 1, (size_t) outer->depth * sizeof outer->flags[0]);
        } else {
            struct strict_outer deeper;
            deeper.chain[0] = g;
            deeper.flags[0] = -1;
            deeper.depth = STRICT_MAX_DEPTH;
            unmark_strict_in(thr, &deeper);
        }
    }
}

static void unmark_strict(duk_hthread *thr, duk_hcompfunc *f)
{
    struct strict_outer outer;
    outer.chain[0] = f;
    outer.flags[0] = code_flags(thr, f);
    outer.depth = 1;
    unmark_strict_in(thr, &outer);
}

/* The marks of the templates nested in f, at every depth. */
static void apply_marks(duk_hthread *thr, duk_hcompfunc *f);

static void apply_marks_below(duk_hthread *thr, duk_hcompfunc *g)
{
    apply_mark(thr, g);
    apply_marks(thr, g);
}

static void apply_marks(duk_hthread *thr, duk_hcompfunc *f)
{
    each_nested(thr, f, apply_marks_below);
}

/* ---- variable maps cut to the captured names ----
 *
 * A function keeps its _Varmap (name -> register) when functions are
 * nested in it, for their look-ups of its variables by name. Duktape keeps
 * every variable in it, and the map decides what a call that makes a
 * closure pays: the environment record is allocated for all of them, and
 * at the return each is copied from its register into the record (about
 * 600 instructions a variable: a lowered for-of loop alone has eight).
 * Only the names the nested functions can look up need to be there. Each
 * template's map is cut, at compile time (so images carry the cut maps),
 * to the names that appear among the string constants of the functions
 * nested in it at any depth: every identifier such a function looks up
 * by name is one of its constants (other constants only keep a name that
 * is not needed). The map is left whole where names are looked up that no
 * constant shows: a direct eval in the function or in one nested in it, a
 * `with` in the function itself (inside it, its own variables are looked
 * up by name), or an arguments object (a non-strict one reads the
 * parameters through the record). */

enum { CODE_EVAL = 1, CODE_WITH = 2 };

/* Which of those one instruction is: a direct eval (is_eval_call), the
 * start of a `with`. */
static int code_flag(duk_instr_t ins)
{
    duk_small_uint_t op = (duk_small_uint_t) DUK_DEC_OP(ins);
    if (is_eval_call(op))
        return CODE_EVAL;
    return op == DUK_OP_TRYCATCH && (DUK_DEC_A(ins) & DUK_BC_TRYCATCH_FLAG_WITH_BINDING) ? CODE_WITH : 0;
}

/* What the bytecode of f has of those. */
static int code_flags(duk_hthread *thr, duk_hcompfunc *f)
{
    duk_instr_t *pc = DUK_HCOMPFUNC_GET_CODE_BASE(thr->heap, f);
    duk_instr_t *end = DUK_HCOMPFUNC_GET_CODE_END(thr->heap, f);
    int flags = 0;
    for (; pc < end; pc++)
        flags |= code_flag(*pc);
    return flags;
}

/* Marks (keep[i] = 1) the entries of varmap named by a string constant of
 * a function nested in f, at any depth. */
static void mark_captured(duk_hthread *thr, duk_hcompfunc *f, duk_hobject *varmap, duk_uint8_t *keep)
{
    duk_hobject **fn = DUK_HCOMPFUNC_GET_FUNCS_BASE(thr->heap, f);
    duk_hobject **fn_end = DUK_HCOMPFUNC_GET_FUNCS_END(thr->heap, f);
    for (; fn != fn_end; fn++) {
        duk_hcompfunc *g;
        duk_tval *tv, *tv_end;
        if (!DUK_HOBJECT_IS_COMPFUNC(*fn))
            continue;
        g = (duk_hcompfunc *) *fn;
        tv = DUK_HCOMPFUNC_GET_CONSTS_BASE(thr->heap, g);
        tv_end = DUK_HCOMPFUNC_GET_CONSTS_END(thr->heap, g);
        for (; tv < tv_end; tv++) {
            duk_int_t e_idx, h_idx;
            if (DUK_TVAL_IS_STRING(tv) &&
                duk_hobject_find_entry(thr->heap, varmap, DUK_TVAL_GET_STRING(tv), &e_idx, &h_idx))
                keep[e_idx] = 1;
        }
        mark_captured(thr, g, varmap, keep);
    }
}

/* Cuts f's _Varmap to the names its nested functions can look up (f
 * itself has no `with`, and no direct eval is in it or below). */
static void cut_varmap(duk_hthread *thr, duk_hcompfunc *f)
{
    duk_hobject *obj = (duk_hobject *) f;
    duk_hobject *varmap = duk_hobject_get_varmap(thr, obj);
    duk_uint_fast32_t i, n, kept = 0;
    duk_uint8_t *keep;

    if (varmap == NULL || DUK_HOBJECT_HAS_CREATEARGS(obj))
        return;
    n = DUK_HOBJECT_GET_ENEXT(varmap);
    if (n == 0)
        return;
    /* [ obj varmap keep ] */
    duk_push_hobject(thr, obj);
    duk_push_hobject(thr, varmap);
    keep = (duk_uint8_t *) duk_push_fixed_buffer(thr, (duk_size_t) n);
    mark_captured(thr, f, varmap, keep);
    for (i = 0; i < n; i++)
        kept += keep[i];
    if (kept == 0) {
        (void) duk_hobject_delprop_raw(thr, obj, DUK_HTHREAD_STRING_INT_VARMAP(thr), DUK_DELPROP_FLAG_FORCE);
    } else if (kept < n) {
        /* a deletion leaves the other entries where they are; the
         * compaction then packs them (Duktape reads a map's entries as a
         * dense table) */
        for (i = 0; i < n; i++) {
            duk_hstring *key = DUK_HOBJECT_E_GET_KEY(thr->heap, varmap, i);
            if (!keep[i] && key != NULL)
                (void) duk_hobject_delprop_raw(thr, varmap, key, DUK_DELPROP_FLAG_FORCE);
        }
        duk_hobject_compact_props(thr, varmap);
    }
    duk_pop_3(thr);
}

/* Cuts f's map and those of the templates nested in it, innermost first;
 * whether a direct eval is in f or below it (then f's map stays whole, as
 * does that of a function with a `with`). */
static int cut_varmaps(duk_hthread *thr, duk_hcompfunc *f)
{
    int flags = code_flags(thr, f), eval = flags & CODE_EVAL;
    duk_hobject **fn = DUK_HCOMPFUNC_GET_FUNCS_BASE(thr->heap, f);
    duk_hobject **fn_end = DUK_HCOMPFUNC_GET_FUNCS_END(thr->heap, f);
    for (; fn != fn_end; fn++) {
        if (DUK_HOBJECT_IS_COMPFUNC(*fn) && cut_varmaps(thr, (duk_hcompfunc *) *fn))
            eval = CODE_EVAL;
    }
    if (!eval && !(flags & CODE_WITH))
        cut_varmap(thr, f);
    return eval;
}

/* cut_varmaps of a template nested in the compiled function (whose own
 * map, global or eval code's, is left as it is) */
static void cut_varmaps_below(duk_hthread *thr, duk_hcompfunc *g)
{
    (void) cut_varmaps(thr, g);
}

void fcw_duk_apply_marks(duk_context *ctx, duk_idx_t idx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_hobject *obj = duk_require_hobject(thr, idx);
    if (DUK_HOBJECT_IS_COMPFUNC(obj)) {
        apply_marks(thr, (duk_hcompfunc *) obj);
        each_nested(thr, (duk_hcompfunc *) obj, cut_varmaps_below);
    }
}

/* The runtime's convention (js/): a function whose name starts with a
 * lower-case letter, `_` or `$` is no constructor; its constructors
 * (Headers, Fifo, RCRecord...) are capitalized, and the built-in functions
 * and methods it provides are no constructors in the spec either. Such a
 * template is made one, so that its closures get no prototype object: a
 * thousand at each start of the runtime, and those of each closure it
 * makes per request. An anonymous function keeps what it is (`var C =
 * function ...` makes constructors). */
static void runtime_non_constructors(duk_hthread *thr, duk_hcompfunc *f)
{
    duk_hobject *obj = (duk_hobject *) f;
    duk_tval *tv = duk_hobject_find_entry_tval_ptr_stridx(thr->heap, obj, DUK_STRIDX_NAME);

    if (tv != NULL && DUK_TVAL_IS_STRING(tv)) {
        duk_hstring *name = DUK_TVAL_GET_STRING(tv);
        const duk_uint8_t *s = DUK_HSTRING_GET_DATA(name);
        if (DUK_HSTRING_GET_BYTELEN(name) > 0 && ((s[0] >= 'a' && s[0] <= 'z') || s[0] == '_' || s[0] == '$'))
            DUK_HOBJECT_CLEAR_CONSTRUCTABLE(obj);
    }
    each_nested(thr, f, runtime_non_constructors);
}

void fcw_duk_apply_runtime_marks(duk_context *ctx, duk_idx_t idx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_hobject *obj = duk_require_hobject(thr, idx);
    fcw_duk_apply_marks(ctx, idx);
    if (DUK_HOBJECT_IS_COMPFUNC(obj))
        each_nested(thr, (duk_hcompfunc *) obj, runtime_non_constructors);
}

void fcw_duk_apply_script_marks(duk_context *ctx, duk_idx_t idx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_hobject *obj = duk_require_hobject(thr, idx);
    fcw_duk_apply_marks(ctx, idx);
    if (DUK_HOBJECT_IS_COMPFUNC(obj))
        unmark_strict(thr, (duk_hcompfunc *) obj);
}

/* ---- a module's bindings read as constants ----
 *
 * The runtime's files and a worker module are each the body of one
 * function, called once (lib/script.c). Its functions read its top-level
 * bindings by name: GETVAR, or CSVAR for a call (`helper(x)`), a walk of
 * the scope chain to the module's environment and a look-up there (about
 * 250 instructions; of the 942 look-ups by name of a Hono API request, most
 * read helpers, symbols and private-field keys the module set up once).
 * Once the module function has returned, a binding that no function of
 * the module writes (no PUTVAR, DELVAR, ++/-- or DECLVAR of its name
 * anywhere in it) keeps its value for good: such a GETVAR becomes LDCONST
 * of that value, put in the reading function's constant table in place of
 * the name. A CSVAR also sets the register after its target, the call's
 * `this`, to undefined: it becomes the same LDCONST only where no
 * instruction of the function leaves a value in that register
 * (bind_registers_written), which then holds undefined anyway: a value
 * written there only for a call based below it (a method call's `this`,
 * an argument) is wiped by that call's return (bind_write_wiped). (Taking any
 * register leaves what it held as the call's `this`: a callee could see
 * it, and a string being appended to stays referenced during the call, so
 * that hono/jsx copied its page at every append.) A read is left as it is
 * when:
 * - the name may be bound nearer: a variable of an enclosing function (its
 *   _Varmap), the name of an enclosing named function expression, or a
 *   catch clause's variable (bound by a PUTVAR, so a written name);
 * - the module's environment has no such binding (a global);
 * - the constant also serves another instruction (a property key, say).
 * Nothing is done for a module with a direct eval or a `with` anywhere,
 * or whose function makes an arguments object. Templates' bytecode and
 * constants are shared by their closures, so closures made later read the
 * constants too; Duktape counts a constant's references once per function
 * sharing them, and the counts are moved from the name to the value
 * accordingly. */

struct bind_pass {
    duk_hthread *thr;
    duk_hobject *env;      /* the module function's closed environment */
    duk_hstring **written; /* names written in the module */
    size_t nwritten, capwritten;
    int abort;
    long rewritten;
};

/* the templates enclosing the one being rewritten, innermost first */
#define BIND_MAX_DEPTH 64

/* (the written names, sorted by address once all are noted) */
static int bind_name_cmp(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t) *(duk_hstring *const *) a, y = (uintptr_t) *(duk_hstring *const *) b;
    return x < y ? -1 : x > y;
}

static int bind_written(struct bind_pass *bp, duk_hstring *name)
{
    return bp->nwritten > 0 && bsearch(&name, bp->written, bp->nwritten, sizeof *bp->written, bind_name_cmp) != NULL;
}

static void bind_note_write(struct bind_pass *bp, duk_tval *tv)
{
    if (!DUK_TVAL_IS_STRING(tv)) {
        bp->abort = 1;
        return;
    }
    if (bp->nwritten == bp->capwritten) {
        size_t cap = bp->capwritten ? bp->capwritten * 2 : 64;
        duk_hstring **n = realloc(bp->written, cap * sizeof *n);
        if (n == NULL) {
            bp->abort = 1;
            return;
        }
        bp->written = n;
        bp->capwritten = cap;
    }
    bp->written[bp->nwritten++] = DUK_TVAL_GET_STRING(tv);
}

/* The names f and the templates nested in it write by name; abort for a
 * direct eval, a `with`, or a write whose name is not a constant. */
static void bind_scan_writes(struct bind_pass *bp, duk_hcompfunc *f)
{
    duk_heap *heap = bp->thr->heap;
    duk_instr_t *pc = DUK_HCOMPFUNC_GET_CODE_BASE(heap, f);
    duk_instr_t *end = DUK_HCOMPFUNC_GET_CODE_END(heap, f);
    duk_tval *consts = DUK_HCOMPFUNC_GET_CONSTS_BASE(heap, f);
    duk_hobject **fn, **fn_end;

    for (; pc < end && !bp->abort; pc++) {
        duk_small_uint_t op = (duk_small_uint_t) DUK_DEC_OP(*pc);
        if (code_flag(*pc) != 0)
            bp->abort = 1;
        else if (op == DUK_OP_PUTVAR || op == DUK_OP_DELVAR || (op >= DUK_OP_PREINCV && op <= DUK_OP_POSTDECV))
            bind_note_write(bp, consts + DUK_DEC_BC(*pc));
        else if (op >= DUK_OP_DECLVAR && op <= DUK_OP_DECLVAR_CC) {
            if (op & 1)
                bind_note_write(bp, consts + DUK_DEC_B(*pc));
            else
                bp->abort = 1;
        }
    }
    fn = DUK_HCOMPFUNC_GET_FUNCS_BASE(heap, f);
    fn_end = DUK_HCOMPFUNC_GET_FUNCS_END(heap, f);
    for (; fn != fn_end && !bp->abort; fn++) {
        if (DUK_HOBJECT_IS_COMPFUNC(*fn))
            bind_scan_writes(bp, (duk_hcompfunc *) *fn);
    }
}

/* In uses (n constants), BIND_OTHER for each constant instruction ins may
 * read other than as a name it looks up (GETVAR's, or the name of a CSVAR
 * with a constant name: the caller's). Opcodes whose operands are known to
 * be registers, labels or counts read none; any other operand field of
 * the others is taken for a constant. */
#define BIND_READ 1  /* the name of a GETVAR or of a CSVAR whose this register holds undefined */
#define BIND_OTHER 2 /* read otherwise (a key, a CSVAR whose this register is written, ...) */
#define BIND_DONE 4  /* now the binding's value */

static void bind_mark(duk_uint8_t *uses, duk_uint_t n, duk_uint_t k)
{
    if (k < n)
        uses[k] |= BIND_OTHER;
}

static void bind_mark_consts(duk_instr_t ins, duk_uint8_t *uses, duk_uint_t n)
{
    duk_small_uint_t op = (duk_small_uint_t) DUK_DEC_OP(ins);

    if (op == DUK_OP_GETVAR)
        return;
    /* IFTRUE and IFFALSE: BC a register (_R) or a constant (_C) */
    if (op >= DUK_OP_IFTRUE_R && op <= DUK_OP_IFFALSE_C) {
        if (op & 1)
            bind_mark(uses, n, DUK_DEC_BC(ins));
        return;
    }
    /* B and C each a register or a constant, told by the opcode's low bits
     * (a CSVAR's constant B is its name: the caller's) */
    if ((op >= DUK_OP_EQ && op <= DUK_OP_IN_CC) || (op >= DUK_OP_GETPROP && op <= DUK_OP_DELPROP_CC_UNUSED) ||
        (op >= DUK_OP_PREINCP && op <= DUK_OP_POSTDECP_CC) || (op >= DUK_OP_DECLVAR && op <= DUK_OP_REGEXP_CC) ||
        (op >= DUK_OP_CSVAR && op <= DUK_OP_CSVAR_CC) || (op >= DUK_OP_GETPROPC && op <= DUK_OP_GETPROPC_CC)) {
        if ((op & 1) && !(op >= DUK_OP_CSVAR && op <= DUK_OP_CSVAR_CC))
            bind_mark(uses, n, DUK_DEC_B(ins));
        if (op & 2)
            bind_mark(uses, n, DUK_DEC_C(ins));
        return;
    }
    if (op == DUK_OP_LDCONST || op == DUK_OP_TYPEOFID || op == DUK_OP_PUTVAR || op == DUK_OP_DELVAR ||
        op == DUK_OP_RETCONST || op == DUK_OP_RETCONSTN || (op >= DUK_OP_PREINCV && op <= DUK_OP_POSTDECV)) {
        bind_mark(uses, n, DUK_DEC_BC(ins));
        return;
    }
    switch (op) {
    case DUK_OP_LDREG:
    case DUK_OP_STREG:
    case DUK_OP_JUMP:
    case DUK_OP_LDINT:
    case DUK_OP_LDINTX:
    case DUK_OP_LDTHIS:
    case DUK_OP_LDUNDEF:
    case DUK_OP_LDNULL:
    case DUK_OP_LDTRUE:
    case DUK_OP_LDFALSE:
    case DUK_OP_BNOT: /* (a register's value, BC, into A) */
    case DUK_OP_LNOT:
    case DUK_OP_UNM:
    case DUK_OP_UNP:
    case DUK_OP_PREINCR:
    case DUK_OP_PREDECR:
    case DUK_OP_POSTINCR:
    case DUK_OP_POSTDECR:
    case DUK_OP_CLOSURE:
    case DUK_OP_TYPEOF:
    case DUK_OP_RETREG:
    case DUK_OP_RETUNDEF:
    case DUK_OP_LABEL:
    case DUK_OP_ENDLABEL:
    case DUK_OP_BREAK:
    case DUK_OP_CONTINUE:
    case DUK_OP_TRYCATCH:
    case DUK_OP_ENDTRY:
    case DUK_OP_ENDCATCH:
    case DUK_OP_ENDFIN:
    case DUK_OP_THROW:
    case DUK_OP_CSREG:
    case DUK_OP_NEWOBJ:
    case DUK_OP_NEWARR:
    case DUK_OP_MPUTOBJ:
    case DUK_OP_MPUTOBJI:
    case DUK_OP_INITSET:
    case DUK_OP_INITGET:
    case DUK_OP_MPUTARR:
    case DUK_OP_MPUTARRI:
    case DUK_OP_SETALEN:
    case DUK_OP_INITENUM:
    case DUK_OP_NEXTENUM:
    case DUK_OP_NEWTARGET:
    case DUK_OP_NOP:
        return;
    default:
        if (op >= DUK_OP_CALL0 && op <= DUK_OP_CALL15)
            return;
        bind_mark(uses, n, DUK_DEC_A(ins));
        bind_mark(uses, n, DUK_DEC_B(ins));
        bind_mark(uses, n, DUK_DEC_C(ins));
        bind_mark(uses, n, DUK_DEC_BC(ins));
    }
}

/* Whether name may be bound by one of the templates in chain (innermost
 * first, the module function's excluded): a variable of its map, or the
 * name of a named function expression. */
static int bind_shadowed(duk_hthread *thr, duk_hcompfunc **chain, int depth, duk_hstring *name)
{
    return chain_binding(thr, chain, NULL, depth, name) != CHAIN_NONE;
}

/* Whether the value an instruction writes to register r is wiped before
 * anything can see it as a call's `this`: a call returns with every
 * register above its base (its target) set to undefined, so a value that
 * only ever stands in the call setup of a call based below r (a method
 * call's `this`, its base expression, an argument of an outer call) is
 * undefined once that call is over. Looks at the instructions after pc
 * in order, up to BIND_WIPE_SCAN of them: the write is wiped when a call
 * based below r comes before any jump, return, throw, try or label (so no
 * path leaves or enters the setup; an exception lands in a catcher, which
 * wipes every register above its own) and before a CSVAR based just
 * below r (the call that wants it undefined). */
#define BIND_WIPE_SCAN 64

static int bind_write_wiped(duk_instr_t *pc, duk_instr_t *end, duk_uint_t r)
{
    duk_instr_t *stop = end - pc > BIND_WIPE_SCAN ? pc + BIND_WIPE_SCAN : end;

    if (r == 0)
        return 0;
    for (pc++; pc < stop; pc++) {
        duk_small_uint_t op = (duk_small_uint_t) DUK_DEC_OP(*pc);
        if (op >= DUK_OP_CALL0 && op <= DUK_OP_CALL15) {
            if (op & DUK_BC_CALL_FLAG_INDIRECT)
                return 0;
            if ((duk_uint_t) DUK_DEC_BC(*pc) < r)
                return 1;
            continue;
        }
        if (op >= DUK_OP_CSVAR && op <= DUK_OP_CSVAR_CC && (duk_uint_t) DUK_DEC_A(*pc) + 1 == r)
            return 0;
        switch (op) {
        case DUK_OP_JUMP:
        case DUK_OP_IFTRUE_R:
        case DUK_OP_IFTRUE_C:
        case DUK_OP_IFFALSE_R:
        case DUK_OP_IFFALSE_C:
        case DUK_OP_RETREG:
        case DUK_OP_RETUNDEF:
        case DUK_OP_RETCONST:
        case DUK_OP_RETCONSTN:
        case DUK_OP_LABEL:
        case DUK_OP_ENDLABEL:
        case DUK_OP_BREAK:
        case DUK_OP_CONTINUE:
        case DUK_OP_TRYCATCH:
        case DUK_OP_ENDTRY:
        case DUK_OP_ENDCATCH:
        case DUK_OP_ENDFIN:
        case DUK_OP_THROW:
        case DUK_OP_INVLHS:
            return 0;
        default:
            break;
        }
    }
    return 0;
}

/* Marks in written (nregs bits) the registers of g that some instruction
 * sets to anything but undefined, or that hold an argument; a call's
 * `this` register that none writes holds undefined at each CSVAR of it
 * (a new frame's registers are undefined, CSVAR and CSREG put undefined
 * there, and Duktape wipes the registers above a call's result when it
 * returns; a value that a call wipes before anything can see it does not
 * count: bind_write_wiped). Operand fields of opcodes not known here count
 * as written; returns 0 (all written) where that cannot be made out. */
static int bind_registers_written(duk_hthread *thr, duk_hcompfunc *g, duk_uint8_t *written, duk_uint_t nregs)
{
    duk_instr_t *pc = DUK_HCOMPFUNC_GET_CODE_BASE(thr->heap, g);
    duk_instr_t *end = DUK_HCOMPFUNC_GET_CODE_END(thr->heap, g);
    duk_uint_t i;

#define BIND_WRITE(r)                                                                                                  \
    do {                                                                                                               \
        duk_uint_t r_ = (r);                                                                                           \
        if (r_ < nregs && !written[r_] && !bind_write_wiped(pc, end, r_))                                              \
            written[r_] = 1;                                                                                           \
    } while (0)
    if (DUK_HOBJECT_HAS_CREATEARGS((duk_hobject *) g))
        return 0;
    for (i = 0; i < (duk_uint_t) g->nargs && i < nregs; i++)
        written[i] = 1;
    for (; pc < end; pc++) {
        duk_small_uint_t op = (duk_small_uint_t) DUK_DEC_OP(*pc);
        duk_instr_t ins = *pc;
        if (op >= DUK_OP_CALL0 && op <= DUK_OP_CALL15) {
            if (op & DUK_BC_CALL_FLAG_INDIRECT)
                return 0;
            BIND_WRITE(DUK_DEC_BC(ins)); /* the result */
            continue;
        }
        switch (op) {
        case DUK_OP_JUMP:
        case DUK_OP_IFTRUE_R:
        case DUK_OP_IFTRUE_C:
        case DUK_OP_IFFALSE_R:
        case DUK_OP_IFFALSE_C:
        case DUK_OP_PUTPROP_RR:
        case DUK_OP_PUTPROP_CR:
        case DUK_OP_PUTPROP_RC:
        case DUK_OP_PUTPROP_CC:
        case DUK_OP_PUTVAR:
        case DUK_OP_RETREG:
        case DUK_OP_RETUNDEF:
        case DUK_OP_RETCONST:
        case DUK_OP_RETCONSTN:
        case DUK_OP_LABEL:
        case DUK_OP_ENDLABEL:
        case DUK_OP_BREAK:
        case DUK_OP_CONTINUE:
        case DUK_OP_ENDTRY:
        case DUK_OP_ENDCATCH:
        case DUK_OP_ENDFIN:
        case DUK_OP_THROW:
        case DUK_OP_INVLHS:
        case DUK_OP_MPUTOBJ:
        case DUK_OP_MPUTOBJI:
        case DUK_OP_MPUTARR:
        case DUK_OP_MPUTARRI:
        case DUK_OP_INITSET:
        case DUK_OP_INITGET:
        case DUK_OP_SETALEN:
        case DUK_OP_NOP:
            break;
        case DUK_OP_STREG:
        case DUK_OP_LDTHIS:
        case DUK_OP_LDUNDEF:
        case DUK_OP_LDNULL:
        case DUK_OP_LDTRUE:
        case DUK_OP_LDFALSE:
        case DUK_OP_CSREG: /* (BC + 1: undefined) */
            BIND_WRITE(DUK_DEC_BC(ins));
            break;
        case DUK_OP_PREINCR:
        case DUK_OP_PREDECR:
        case DUK_OP_POSTINCR:
        case DUK_OP_POSTDECR:
            BIND_WRITE(DUK_DEC_A(ins));
            BIND_WRITE(DUK_DEC_BC(ins));
            break;
        case DUK_OP_TRYCATCH: /* a caught value and its kind, written at the catch */
            for (i = DUK_DEC_BC(ins); i < (duk_uint_t) DUK_DEC_BC(ins) + 2 && i < nregs; i++)
                written[i] = 1;
            break;
        default:
            if (op == DUK_OP_LDREG || op == DUK_OP_LDCONST || op == DUK_OP_LDINT || op == DUK_OP_LDINTX ||
                op == DUK_OP_GETVAR || (op >= DUK_OP_BNOT && op <= DUK_OP_IN_CC) ||
                (op >= DUK_OP_GETPROP && op <= DUK_OP_DELPROP_CC_UNUSED) ||
                (op >= DUK_OP_PREINCV && op <= DUK_OP_POSTDECP_CC) || (op >= DUK_OP_REGEXP && op <= DUK_OP_REGEXP_CC) ||
                op == DUK_OP_CLOSURE || op == DUK_OP_TYPEOFID || op == DUK_OP_DELVAR ||
                (op >= DUK_OP_CSVAR && op <= DUK_OP_CSVAR_CC) || (op >= DUK_OP_GETPROPC && op <= DUK_OP_GETPROPC_CC)) {
                BIND_WRITE(DUK_DEC_A(ins)); /* (CSVAR's A + 1: undefined) */
            } else {
                BIND_WRITE(DUK_DEC_A(ins));
                BIND_WRITE(DUK_DEC_B(ins));
                BIND_WRITE(DUK_DEC_C(ins));
                BIND_WRITE(DUK_DEC_BC(ins));
            }
            break;
        }
    }
#undef BIND_WRITE
    return 1;
}

/* The number of registers a template's frame has. */
#define BIND_MAX_REGS 256

/* The reads of g (chain[0]; chain[1..depth-1] enclose it) and of the
 * templates nested in it. One pass over g's bytecode tells how each
 * constant is read (BIND_READ, BIND_OTHER); each constant read only as a
 * binding that qualifies takes the binding's value; a second pass turns
 * its reads into LDCONSTs. */
#define BIND_STACK_CONSTS 256

static void bind_rewrite(struct bind_pass *bp, duk_hcompfunc **chain, int depth)
{
    duk_hthread *thr = bp->thr;
    duk_heap *heap = thr->heap;
    duk_hcompfunc *g = chain[0];
    duk_instr_t *base = DUK_HCOMPFUNC_GET_CODE_BASE(heap, g);
    duk_instr_t *end = DUK_HCOMPFUNC_GET_CODE_END(heap, g);
    duk_tval *consts = DUK_HCOMPFUNC_GET_CONSTS_BASE(heap, g);
    duk_uint_t nconsts = (duk_uint_t) (DUK_HCOMPFUNC_GET_CONSTS_END(heap, g) - consts);
    duk_hbuffer *data = DUK_HCOMPFUNC_GET_DATA(heap, g);
    duk_instr_t *pc;
    duk_hobject **fn, **fn_end;
    /* registers written (bind_registers_written), made out at the first
     * CSVAR: -1 not yet, 0 all, 1 in written */
    duk_uint8_t written[BIND_MAX_REGS];
    int regs_known = -1, done = 0;
    duk_uint_t nregs = (duk_uint_t) g->nregs, k;
    duk_uint8_t stack_uses[BIND_STACK_CONSTS];
    duk_uint8_t *uses = nconsts <= BIND_STACK_CONSTS ? stack_uses : calloc(nconsts, 1);

    if (uses == NULL)
        return;
    if (uses == stack_uses)
        memset(uses, 0, nconsts);
    for (pc = base; pc < end; pc++) {
        duk_small_uint_t op = (duk_small_uint_t) DUK_DEC_OP(*pc);
        if (op == DUK_OP_GETVAR) {
            if (DUK_DEC_BC(*pc) < nconsts)
                uses[DUK_DEC_BC(*pc)] |= BIND_READ;
            continue;
        }
        bind_mark_consts(*pc, uses, nconsts);
        if (op == DUK_OP_CSVAR_CR || op == DUK_OP_CSVAR_CC) {
            /* a call's look-up: an LDCONST in its place leaves the this
             * register as it is, where it must hold undefined */
            k = DUK_DEC_B(*pc);
            if (k >= nconsts)
                continue;
            if (regs_known < 0) {
                memset(written, 0, sizeof written);
                regs_known = nregs <= BIND_MAX_REGS && bind_registers_written(thr, g, written, nregs);
            }
            uses[k] |= !regs_known || DUK_DEC_A(*pc) + 1 >= nregs || written[DUK_DEC_A(*pc) + 1] ? BIND_OTHER
                                                                                                 : BIND_READ;
        }
    }
    for (k = 0; k < nconsts; k++) {
        duk_hstring *name;
        duk_tval *value;
        duk_uint32_t refs;
        duk_tval old;

        if (uses[k] != BIND_READ || !DUK_TVAL_IS_STRING(consts + k))
            continue;
        name = DUK_TVAL_GET_STRING(consts + k);
        if (bind_written(bp, name) || (value = duk_hobject_find_entry_tval_ptr(heap, bp->env, name)) == NULL ||
            bind_shadowed(thr, chain, depth, name))
            continue;
        /* the constant's references, one per function sharing the data */
        refs = (duk_uint32_t) DUK_HEAPHDR_GET_REFCOUNT((duk_heaphdr *) data);
        DUK_TVAL_SET_TVAL(&old, consts + k);
        DUK_TVAL_SET_TVAL(consts + k, value);
        for (duk_uint32_t i = 0; i < refs; i++) {
            DUK_TVAL_INCREF(thr, consts + k);
            DUK_TVAL_DECREF_NORZ(thr, &old);
        }
        uses[k] |= BIND_DONE;
        done = 1;
    }
    for (pc = base; done && pc < end; pc++) {
        duk_small_uint_t op = (duk_small_uint_t) DUK_DEC_OP(*pc);
        k = op == DUK_OP_GETVAR ? DUK_DEC_BC(*pc) : op == DUK_OP_CSVAR_CR || op == DUK_OP_CSVAR_CC ? DUK_DEC_B(*pc) : nconsts;
        if (k < nconsts && (uses[k] & BIND_DONE)) {
            *pc = DUK_ENC_OP_A_BC(DUK_OP_LDCONST, DUK_DEC_A(*pc), k);
            bp->rewritten++;
        }
    }
    if (uses != stack_uses)
        free(uses);
    if (depth >= BIND_MAX_DEPTH)
        return; /* (deeper ones keep their reads) */
    fn = DUK_HCOMPFUNC_GET_FUNCS_BASE(heap, g);
    fn_end = DUK_HCOMPFUNC_GET_FUNCS_END(heap, g);
    for (; fn != fn_end; fn++) {
        if (!DUK_HOBJECT_IS_COMPFUNC(*fn))
            continue;
        memmove(chain + 1, chain, (size_t) depth * sizeof *chain);
        chain[0] = (duk_hcompfunc *) *fn;
        bind_rewrite(bp, chain, depth + 1);
        memmove(chain, chain + 1, (size_t) depth * sizeof *chain);
        chain[0] = g;
    }
}

duk_ret_t fcw_duk_module_probe(duk_context *ctx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_activation *act = thr->callstack_curr != NULL ? thr->callstack_curr->parent : NULL;
    duk_hobject *func = act != NULL ? DUK_ACT_GET_FUNC(act) : NULL;

    if (func == NULL || !DUK_HOBJECT_IS_COMPFUNC(func) || !DUK_HOBJECT_HAS_NEWENV(func))
        return 0;
    if (act->lex_env == NULL)
        duk_js_init_activation_environment_records_delayed(thr, act);
    if (act->var_env == NULL)
        return 0;
    duk_push_hobject(thr, act->var_env);
    return 1;
}

long fcw_duk_bind_constants(duk_context *ctx, duk_idx_t fn_idx, duk_idx_t env_idx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_hobject *f = duk_get_hobject(ctx, fn_idx), *env = duk_get_hobject(ctx, env_idx);
    struct bind_pass bp = {thr, NULL, NULL, 0, 0, 0, 0};
    duk_hcompfunc *chain[BIND_MAX_DEPTH + 1];
    duk_hobject **fn, **fn_end;

    if (f == NULL || !DUK_HOBJECT_IS_COMPFUNC(f) || DUK_HOBJECT_HAS_CREATEARGS(f))
        return -1;
    /* the module function's environment, as fcw_duk_module_probe gave it:
     * closed (its registers copied in) now that the function has returned */
    if (env == NULL || !DUK_HOBJECT_IS_DECENV(env) || ((duk_hdecenv *) env)->thread != NULL ||
        DUK_HOBJECT_GET_PROTOTYPE(thr->heap, env) != DUK_HCOMPFUNC_GET_LEXENV(thr->heap, (duk_hcompfunc *) f))
        return -1;
    bp.env = env;
    bind_scan_writes(&bp, (duk_hcompfunc *) f);
    if (bp.nwritten > 1)
        qsort(bp.written, bp.nwritten, sizeof *bp.written, bind_name_cmp);
    if (!bp.abort) {
        fn = DUK_HCOMPFUNC_GET_FUNCS_BASE(thr->heap, (duk_hcompfunc *) f);
        fn_end = DUK_HCOMPFUNC_GET_FUNCS_END(thr->heap, (duk_hcompfunc *) f);
        for (; fn != fn_end; fn++) {
            if (!DUK_HOBJECT_IS_COMPFUNC(*fn))
                continue;
            chain[0] = (duk_hcompfunc *) *fn;
            bind_rewrite(&bp, chain, 1);
        }
    }
    free(bp.written);
    return bp.abort ? -1 : bp.rewritten;
}

/* One function template of a loaded function, and those nested in it. */
/* The mark fcw_duk_prepare_dump puts on a constructor template in place of
 * its CONSTRUCTABLE flag: SPECIAL_CALL means nothing on a template (only a
 * call looks at it, and no template is called) and the loader keeps it. */
#define DUMPED_CONSTRUCTOR DUK_HOBJECT_FLAG_SPECIAL_CALL

static void prepare_dump(duk_hthread *thr, duk_hcompfunc *f)
{
    duk_hobject *obj = (duk_hobject *) f;
    if (DUK_HOBJECT_HAS_CONSTRUCTABLE(obj) && !DUK_HOBJECT_HAS_SPECIAL_CALL(obj)) {
        DUK_HOBJECT_CLEAR_CONSTRUCTABLE(obj);
        DUK_HEAPHDR_SET_FLAG_BITS(&obj->hdr, DUMPED_CONSTRUCTOR);
    }
    each_nested(thr, f, prepare_dump);
}

void fcw_duk_prepare_dump(duk_context *ctx, duk_idx_t idx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_hobject *obj = duk_require_hobject(thr, idx);

    if (DUK_HOBJECT_IS_COMPFUNC(obj))
        each_nested(thr, (duk_hcompfunc *) obj, prepare_dump);
}

/* fcw_duk_skip_compaction: set in a one-request process */
static int trim_compacts = 1;

void fcw_duk_skip_compaction(void)
{
    trim_compacts = 0;
}

static void trim_template(duk_hthread *thr, duk_hcompfunc *f)
{
    duk_hobject *obj = (duk_hobject *) f;
    duk_hobject *varmap;
    duk_tval *tv;

    if (DUK_HEAPHDR_CHECK_FLAG_BITS(&obj->hdr, DUMPED_CONSTRUCTOR)) {
        DUK_HEAPHDR_CLEAR_FLAG_BITS(&obj->hdr, DUMPED_CONSTRUCTOR);
        DUK_HOBJECT_SET_CONSTRUCTABLE(obj);
    }
    apply_mark(thr, f);
    duk_push_hobject(thr, obj); /* reachable while its properties go */
    DUK_HOBJECT_SET_PROTOTYPE_UPDREF(thr, obj, NULL);
    (void) duk_hobject_delprop_raw(thr, obj, DUK_HTHREAD_STRING_PROTOTYPE(thr), DUK_DELPROP_FLAG_FORCE);
    (void) duk_hobject_delprop_raw(thr, obj, DUK_HTHREAD_STRING_LENGTH(thr), DUK_DELPROP_FLAG_FORCE);
    tv = duk_hobject_find_entry_tval_ptr_stridx(thr->heap, obj, DUK_STRIDX_NAME);
    if (tv != NULL && DUK_TVAL_IS_STRING(tv) && DUK_HSTRING_GET_BYTELEN(DUK_TVAL_GET_STRING(tv)) == 0)
        (void) duk_hobject_delprop_raw(thr, obj, DUK_HTHREAD_STRING_NAME(thr), DUK_DELPROP_FLAG_FORCE);
    varmap = duk_hobject_get_varmap(thr, obj);
    if (varmap != NULL && DUK_HOBJECT_GET_ENEXT(varmap) == 0)
        (void) duk_hobject_delprop_raw(thr, obj, DUK_HTHREAD_STRING_INT_VARMAP(thr), DUK_DELPROP_FLAG_FORCE);
    if (trim_compacts)
        duk_hobject_compact_props(thr, obj);
    each_nested(thr, f, trim_template);
    duk_pop(thr);
}

void fcw_duk_trim_loaded_function(duk_context *ctx, duk_idx_t idx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_hobject *obj = duk_require_hobject(thr, idx);

    if (DUK_HOBJECT_IS_COMPFUNC(obj))
        each_nested(thr, (duk_hcompfunc *) obj, trim_template);
}

void fcw_duk_gc_hold(duk_context *ctx, int hold)
{
    duk_heap *heap = ((duk_hthread *) ctx)->heap;
    if (hold) {
        heap->ms_prevent_count++;
        return;
    }
    if (heap->ms_prevent_count > 0)
        heap->ms_prevent_count--;
#if defined(DUK_USE_VOLUNTARY_GC)
    /* A voluntary collection refused meanwhile would run at the next
     * allocation: count from here instead, as a collection does from the
     * strings and objects it kept. The objects are estimated at twice the
     * strings (the runtime: 4,011 strings, 9,189 objects) rather than
     * counted: walking the heap's list of objects, one cache miss each, was
     * 3% of a CGI start-up's time; and the trigger is 50 times the heap's
     * size, an estimate either way. */
    if (heap->ms_prevent_count == 0 && heap->ms_trigger_counter < 0) {
        duk_size_t n = heap->st_count * 3;
        heap->ms_trigger_counter =
            (duk_int_t) ((n / 256) * DUK_HEAP_MARK_AND_SWEEP_TRIGGER_MULT + DUK_HEAP_MARK_AND_SWEEP_TRIGGER_ADD);
    }
#endif
}

static inline __attribute__((always_inline)) duk_tval *own_slot(duk_hthread *thr, duk_hobject *obj, duk_uint32_t i,
                                                                 const char *lit);

/* Whether key is FCW_JSON_RAW_KEY, a raw JSON object's brand. */
static int is_json_raw_key(duk_hstring *key)
{
    return DUK_HSTRING_GET_BYTELEN(key) == sizeof FCW_JSON_RAW_KEY - 1 &&
           memcmp(DUK_HSTRING_GET_DATA(key), FCW_JSON_RAW_KEY, sizeof FCW_JSON_RAW_KEY - 1) == 0;
}

/* fcw_duk_json_plain: the walk. path[0..depth-1] are the objects being
 * visited (a cycle is left to JSON.stringify, which throws). */
#define JSON_PLAIN_DEPTH 64

static int json_plain(duk_hthread *thr, duk_tval *tv, duk_hobject *bigproto, duk_hobject **path, int depth)
{
    duk_heap *heap = thr->heap;
    duk_hstring *tojson = DUK_HTHREAD_STRING_TO_JSON(thr);
    duk_hobject *obj, *p;
    duk_uint_fast32_t i, n;
    duk_int_t e_idx, h_idx;
    int k;

    if (DUK_TVAL_IS_BUFFER(tv) || DUK_TVAL_IS_POINTER(tv))
        return 0;
    if (!DUK_TVAL_IS_OBJECT(tv))
        return 1; /* a primitive or a lightfunc (no toJSON of its own) */
    obj = DUK_TVAL_GET_OBJECT(tv);
    if (depth >= JSON_PLAIN_DEPTH)
        return 0;
    for (k = 0; k < depth; k++) {
        if (path[k] == obj)
            return 0;
    }
    /* a toJSON anywhere on the chain, a BigInt, a proxy */
    for (p = obj, k = 0; p != NULL; p = DUK_HOBJECT_GET_PROTOTYPE(heap, p), k++) {
        if (p == bigproto || DUK_HOBJECT_IS_PROXY(p) || k > 100)
            return 0;
        if (duk_hobject_find_entry(heap, p, tojson, &e_idx, &h_idx))
            return 0;
    }
    if (DUK_HOBJECT_IS_CALLABLE(obj))
        return 1; /* left out of the text */
    switch (DUK_HOBJECT_GET_CLASS_NUMBER(obj)) {
    case DUK_HOBJECT_CLASS_NUMBER:
    case DUK_HOBJECT_CLASS_STRING:
    case DUK_HOBJECT_CLASS_BOOLEAN:
    case DUK_HOBJECT_CLASS_SYMBOL:
        return 0; /* unboxed through valueOf / toString */
    default:
        break;
    }
    if (DUK_HOBJECT_IS_BUFOBJ(obj) || DUK_HOBJECT_HAS_EXOTIC_STRINGOBJ(obj) ||
        DUK_HOBJECT_HAS_EXOTIC_ARGUMENTS(obj))
        return 0;
    path[depth] = obj;
    if (DUK_HOBJECT_IS_ARRAY(obj)) {
        /* every index below length must be an own element: a hole is read
         * through the prototypes */
        duk_uint32_t len = ((duk_harray *) obj)->length;
        if (!DUK_HOBJECT_HAS_ARRAY_PART(obj) || len > DUK_HOBJECT_GET_ASIZE(obj))
            return 0;
        for (i = 0; i < len; i++) {
            duk_tval *v = DUK_HOBJECT_A_GET_VALUE_PTR(heap, obj, i);
            if (DUK_TVAL_IS_UNUSED(v) || !json_plain(thr, v, bigproto, path, depth + 1))
                return 0;
        }
    } else if (DUK_HOBJECT_HAS_ARRAY_PART(obj)) {
        n = DUK_HOBJECT_GET_ASIZE(obj);
        for (i = 0; i < n; i++) {
            duk_tval *v = DUK_HOBJECT_A_GET_VALUE_PTR(heap, obj, i);
            if (!DUK_TVAL_IS_UNUSED(v) && !json_plain(thr, v, bigproto, path, depth + 1))
                return 0;
        }
    }
    n = DUK_HOBJECT_GET_ENEXT(obj);
    for (i = 0; i < n; i++) {
        duk_hstring *key = DUK_HOBJECT_E_GET_KEY(heap, obj, i);
        duk_small_uint_t flags;
        if (key == NULL)
            continue;
        if (DUK_HSTRING_HAS_SYMBOL(key)) {
            if (is_json_raw_key(key))
                return 0; /* a raw JSON object: the replacer's */
            continue;
        }
        flags = DUK_HOBJECT_E_GET_FLAGS(heap, obj, i);
        if (!(flags & DUK_PROPDESC_FLAG_ENUMERABLE))
            continue;
        if (flags & DUK_PROPDESC_FLAG_ACCESSOR)
            return 0;
        if (!json_plain(thr, DUK_HOBJECT_E_GET_VALUE_TVAL_PTR(heap, obj, i), bigproto, path, depth + 1))
            return 0;
    }
    return 1;
}

int fcw_duk_json_plain(duk_context *ctx, duk_idx_t idx, duk_idx_t bigproto_idx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_hobject *path[JSON_PLAIN_DEPTH];
    duk_tval *tv = duk_get_tval(thr, idx);

    if (tv == NULL)
        return 1;
    return json_plain(thr, tv, duk_get_hobject(thr, bigproto_idx), path, 0);
}

/* native.jsonRawValue(value, raws): see lib/duk_hooks.h. A
 * placeholder is "\0" and the index of its text in raws, which the
 * encoder writes "\u0000N" between quotes. */
static duk_ret_t json_placeholder(duk_context *ctx)
{
    char text[16];
    duk_uarridx_t n = (duk_uarridx_t) duk_get_length(ctx, 1);
    int len;

    duk_put_prop_index(ctx, 1, n);
    text[0] = '\0';
    len = snprintf(text + 1, sizeof text - 1, "%lu", (unsigned long) n);
    duk_push_lstring(ctx, text, (duk_size_t) len + 1);
    return 1;
}

duk_ret_t fcw_duk_json_raw_value(duk_context *ctx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_hobject *obj = duk_get_hobject(thr, 0);
    duk_hstring *s;
    duk_tval *tv;

    duk_require_hobject(thr, 1);
    if (obj != NULL && !DUK_HOBJECT_IS_PROXY(obj)) {
        tv = own_slot(thr, obj, 1, FCW_JSON_RAW_KEY); /* after rawJSON */
        if (tv != NULL) {
            duk_push_tval(thr, tv); /* a raw JSON object: its text */
            return json_placeholder(ctx);
        }
        if (DUK_HOBJECT_GET_CLASS_NUMBER(obj) == DUK_HOBJECT_CLASS_STRING)
            duk_to_string(ctx, 0); /* the encoder's ToString, done here */
    }
    s = duk_get_hstring(thr, 0);
    duk_dup(ctx, 0);
    if (s == NULL || DUK_HSTRING_HAS_SYMBOL(s) ||
        memchr(DUK_HSTRING_GET_DATA(s), 0, DUK_HSTRING_GET_BYTELEN(s)) == NULL)
        return 1;
    duk_json_encode(ctx, -1); /* a string with a U+0000: its quoted form */
    return json_placeholder(ctx);
}

/* native.jsonGap(space): the gap of JSON.stringify (§25.5.2.1 steps 5-8)
 * as Duktape's encoder computes it from its argument, converting a Number
 * or String object once. */
duk_ret_t fcw_duk_json_gap(duk_context *ctx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_hobject *obj = duk_get_hobject(thr, 0);

    if (obj != NULL && !DUK_HOBJECT_IS_PROXY(obj)) {
        if (DUK_HOBJECT_GET_CLASS_NUMBER(obj) == DUK_HOBJECT_CLASS_NUMBER)
            duk_to_number(ctx, 0);
        else if (DUK_HOBJECT_GET_CLASS_NUMBER(obj) == DUK_HOBJECT_CLASS_STRING)
            duk_to_string(ctx, 0);
    }
    if (duk_is_number(ctx, 0)) {
        duk_push_lstring(ctx, "          ", (duk_size_t) duk_to_int_clamped(thr, 0, 0, 10));
    } else if (duk_is_string_notsymbol(thr, 0)) {
        duk_dup(ctx, 0);
        duk_substring(ctx, -1, 0, 10);
    } else {
        duk_push_literal(ctx, "");
    }
    return 1;
}

int fcw_duk_own_enumerable(duk_context *ctx, duk_idx_t obj_idx, duk_idx_t key_idx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_hobject *obj = duk_require_hobject(thr, obj_idx);
    duk_hstring *key = duk_require_hstring(thr, key_idx);
    duk_propdesc desc;

    if (DUK_HOBJECT_IS_PROXY(obj)) {
        return -1;
    }
    if (!duk_hobject_get_own_propdesc(thr, obj, key, &desc, 0)) {
        return 0;
    }
    return (desc.flags & DUK_PROPDESC_FLAG_ENUMERABLE) != 0;
}

double fcw_duk_array_search(duk_context *ctx, duk_idx_t arr_idx, duk_idx_t val_idx, double from)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_hobject *obj = duk_get_hobject(thr, arr_idx);
    duk_tval *val = duk_get_tval(thr, val_idx), *tv;
    duk_uint32_t len, k;

    if (obj == NULL || val == NULL || !DUK_HOBJECT_IS_ARRAY(obj) || !DUK_HOBJECT_HAS_ARRAY_PART(obj) ||
        DUK_HOBJECT_HAS_EXOTIC_PROXYOBJ(obj) || DUK_TVAL_IS_OBJECT(val) || DUK_TVAL_IS_BUFFER(val) ||
        DUK_TVAL_IS_LIGHTFUNC(val))
        return -2;
    len = ((duk_harray *) obj)->length;
    if (len > DUK_HOBJECT_GET_ASIZE(obj))
        return -2;
    if (len == 0)
        return -1;
    from = duk_js_tointeger_number(from);
    if (from >= (double) len)
        return -1;
    if (from < 0) {
        from += (double) len;
        if (from < 0)
            from = 0;
    }
    /* a string is one interned object: equal strings are the same
     * pointer (a hole is no string, so it is looked at below) */
    if (DUK_TVAL_IS_STRING(val)) {
        duk_hstring *s = DUK_TVAL_GET_STRING(val);
        for (k = (duk_uint32_t) from; k < len; k++) {
            tv = DUK_HOBJECT_A_GET_VALUE_PTR(thr->heap, obj, k);
            if (DUK_TVAL_IS_STRING(tv)) {
                if (DUK_TVAL_GET_STRING(tv) == s)
                    return (double) k;
            } else if (DUK_TVAL_IS_UNUSED(tv)) {
                return -2;
            }
        }
        return -1;
    }
    for (k = (duk_uint32_t) from; k < len; k++) {
        tv = DUK_HOBJECT_A_GET_VALUE_PTR(thr->heap, obj, k);
        if (DUK_TVAL_IS_UNUSED(tv))
            return -2; /* a hole: the prototype chain answers */
        if (duk_js_strict_equals(tv, val))
            return (double) k;
    }
    return -1;
}

int fcw_duk_is_proxy(duk_context *ctx, duk_idx_t idx)
{
    duk_hobject *obj = duk_get_hobject((duk_hthread *) ctx, idx);
    return obj != NULL && DUK_HOBJECT_IS_PROXY(obj);
}

int fcw_duk_is_plain_unextensible(duk_context *ctx, duk_idx_t idx)
{
    duk_hobject *obj = duk_get_hobject((duk_hthread *) ctx, idx);
    return obj != NULL && !DUK_HOBJECT_IS_PROXY(obj) && !DUK_HOBJECT_HAS_EXTENSIBLE(obj);
}

int fcw_duk_chain_has_proxy(duk_context *ctx, duk_idx_t idx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_hobject *h = duk_get_hobject(thr, idx);
    duk_uint_t sanity = DUK_HOBJECT_PROTOTYPE_CHAIN_SANITY;

    while (h != NULL && sanity-- > 0) {
        if (DUK_HOBJECT_IS_PROXY(h)) {
            return 1;
        }
        h = DUK_HOBJECT_GET_PROTOTYPE(thr->heap, h);
    }
    return 0;
}

/* Whether key is one of the n strings of list. */
static int key_in_list(duk_hstring *key, duk_tval *list, duk_uint32_t n)
{
    for (duk_uint32_t i = 0; i < n; i++) {
        if (DUK_TVAL_GET_STRING(&list[i]) == key) {
            return 1;
        }
    }
    return 0;
}

int fcw_duk_own_keys_plainly_valid(duk_context *ctx, duk_idx_t target_idx, duk_idx_t keys_idx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_hobject *target = duk_get_hobject(thr, target_idx);
    duk_hobject *keys = duk_get_hobject(thr, keys_idx);
    duk_uint32_t n, i, j;
    duk_uint_fast32_t e;
    duk_tval *list;

    /* the target: extensible, and an object whose non-configurable
     * properties are all in its entry part (or an Array's length) */
    if (target == NULL || keys == NULL || !DUK_HOBJECT_HAS_EXTENSIBLE(target) || DUK_HOBJECT_IS_PROXY(target) ||
        DUK_HOBJECT_IS_NATFUNC(target) || DUK_HOBJECT_IS_BUFOBJ(target) ||
        DUK_HOBJECT_HAS_EXOTIC_STRINGOBJ(target) || DUK_HOBJECT_HAS_EXOTIC_ARGUMENTS(target) ||
        DUK_HOBJECT_HAS_BOUNDFUNC(target)) {
        return 0;
    }
    /* the list: an Array whose elements are all in its array part (plain
     * values, read without side effects), each a string or a symbol (a
     * string to Duktape; a hole is neither) */
    if (DUK_HOBJECT_IS_PROXY(keys) || !DUK_HOBJECT_HAS_EXOTIC_ARRAY(keys) || !DUK_HOBJECT_HAS_ARRAY_PART(keys)) {
        return 0;
    }
    n = ((duk_harray *) keys)->length;
    if (n > DUK_HOBJECT_GET_ASIZE(keys)) {
        return 0;
    }
    list = DUK_HOBJECT_A_GET_BASE(thr->heap, keys);
    for (i = 0; i < n; i++) {
        if (!DUK_TVAL_IS_STRING(&list[i])) {
            return 0;
        }
    }
    /* distinct (strings and symbols are interned): pairwise for a short
     * list, else through an object */
    if (n <= 64) {
        for (i = 1; i < n; i++) {
            for (j = 0; j < i; j++) {
                if (DUK_TVAL_GET_STRING(&list[i]) == DUK_TVAL_GET_STRING(&list[j])) {
                    return 0;
                }
            }
        }
    } else {
        duk_idx_t seen = duk_push_bare_object(ctx);
        int distinct = 1;
        for (i = 0; i < n && distinct; i++) {
            /* an allocation may collect, which may run a finalizer or
             * move the array part: look again each time */
            if (((duk_harray *) keys)->length != n || !DUK_HOBJECT_HAS_ARRAY_PART(keys) ||
                n > DUK_HOBJECT_GET_ASIZE(keys)) {
                distinct = 0;
                break;
            }
            list = DUK_HOBJECT_A_GET_BASE(thr->heap, keys);
            if (!DUK_TVAL_IS_STRING(&list[i])) {
                distinct = 0;
                break;
            }
            duk_push_hstring(thr, DUK_TVAL_GET_STRING(&list[i]));
            duk_dup_top(ctx);
            if (duk_has_prop(ctx, seen)) {
                distinct = 0;
            }
            duk_push_true(ctx);
            duk_put_prop(ctx, seen);
        }
        duk_pop(ctx);
        if (!distinct || ((duk_harray *) keys)->length != n || !DUK_HOBJECT_HAS_ARRAY_PART(keys) ||
            n > DUK_HOBJECT_GET_ASIZE(keys)) {
            return 0;
        }
        list = DUK_HOBJECT_A_GET_BASE(thr->heap, keys);
        for (i = 0; i < n; i++) {
            if (!DUK_TVAL_IS_STRING(&list[i])) {
                return 0;
            }
        }
    }
    /* every non-configurable key of the target listed */
    if (DUK_HOBJECT_HAS_EXOTIC_ARRAY(target) && !key_in_list(DUK_HTHREAD_STRING_LENGTH(thr), list, n)) {
        return 0;
    }
    for (e = 0; e < DUK_HOBJECT_GET_ENEXT(target); e++) {
        duk_hstring *key = DUK_HOBJECT_E_GET_KEY(thr->heap, target, e);
        if (key != NULL && !DUK_HSTRING_HAS_HIDDEN(key) &&
            (DUK_HOBJECT_E_GET_FLAGS(thr->heap, target, e) & DUK_PROPDESC_FLAG_CONFIGURABLE) == 0 &&
            !key_in_list(key, list, n)) {
            return 0;
        }
    }
    return 1;
}

int fcw_duk_push_bound_target(duk_context *ctx, duk_idx_t idx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_hobject *h = duk_get_hobject(thr, idx);

    if (h == NULL || !DUK_HOBJECT_HAS_BOUNDFUNC(h)) {
        return 0;
    }
    duk_push_tval(thr, &((duk_hboundfunc *) (void *) h)->target);
    return 1;
}

/* Reflect.has(target, key) and Reflect.deleteProperty(target, key) as
 * Duktape's (magic 0 and 1), but with the key made a property key: Duktape
 * makes it a string, which throws for a symbol. */
duk_ret_t fcw_duk_reflect_has_delete(duk_context *ctx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_bool_t ret;

    (void) duk_require_hobject(thr, 0);
    (void) duk_to_property_key_hstring(thr, 1);
    if (duk_get_current_magic(thr) == 0) {
        ret = duk_hobject_hasprop(thr, DUK_GET_TVAL_POSIDX(thr, 0), DUK_GET_TVAL_POSIDX(thr, 1));
    } else {
        ret = duk_hobject_delprop(thr, DUK_GET_TVAL_POSIDX(thr, 0), DUK_GET_TVAL_POSIDX(thr, 1), 0 /*throw_flag*/);
    }
    duk_push_boolean(thr, ret);
    return 1;
}

/* Object.isSealed and Object.isFrozen (magic 0 and 1) as Duktape's, but
 * blind to hidden symbols, which are no properties to a script: a WeakMap
 * or WeakSet key holds its cell under one (js/11-collections.js), and an
 * object frozen through a Proxy's traps (whose ownKeys lists no hidden
 * key) keeps that cell writable, which Duktape's test counted. */
static duk_bool_t sealed_frozen(duk_hthread *thr, duk_hobject *obj, duk_bool_t is_frozen)
{
    duk_uint_fast32_t i;

    if (DUK_HOBJECT_HAS_EXTENSIBLE(obj)) {
        return 0;
    }
    for (i = 0; i < DUK_HOBJECT_GET_ENEXT(obj); i++) {
        duk_hstring *key = DUK_HOBJECT_E_GET_KEY(thr->heap, obj, i);
        duk_small_uint_t flags;

        if (key == NULL || DUK_HSTRING_HAS_HIDDEN(key)) {
            continue;
        }
        flags = (duk_small_uint_t) DUK_HOBJECT_E_GET_FLAGS(thr->heap, obj, i);
        if (flags & DUK_PROPDESC_FLAG_CONFIGURABLE) {
            return 0;
        }
        if (is_frozen && !(flags & DUK_PROPDESC_FLAG_ACCESSOR) && (flags & DUK_PROPDESC_FLAG_WRITABLE)) {
            return 0;
        }
    }
    for (i = 0; i < DUK_HOBJECT_GET_ASIZE(obj); i++) {
        if (!DUK_TVAL_IS_UNUSED(DUK_HOBJECT_A_GET_VALUE_PTR(thr->heap, obj, i))) {
            return 0;
        }
    }
    return 1;
}

static duk_ret_t is_sealed_frozen(duk_hthread *thr)
{
    duk_bool_t is_frozen = (duk_bool_t) duk_get_current_magic(thr);
    duk_uint_t mask = duk_get_type_mask(thr, 0);
    duk_hobject *h;

    if (mask & (DUK_TYPE_MASK_LIGHTFUNC | DUK_TYPE_MASK_BUFFER)) {
        /* as Duktape: a lightfunc is frozen, a plain buffer sealed only */
        duk_push_boolean(thr, (mask & DUK_TYPE_MASK_LIGHTFUNC) ? 1 : (is_frozen ^ 1));
        return 1;
    }
    h = duk_get_hobject(thr, 0);
    duk_push_boolean(thr, h == NULL || sealed_frozen(thr, h, is_frozen));
    return 1;
}

duk_c_function fcw_duk_own_builtin(enum fcw_duk_own_builtin which)
{
    switch (which) {
    case FCW_DUK_GET_OWN_PROPERTY_DESCRIPTOR:
        return duk_bi_object_constructor_get_own_property_descriptor;
    case FCW_DUK_DEFINE_PROPERTY:
        return duk_bi_object_constructor_define_property;
    case FCW_DUK_HAS_OWN_PROPERTY:
        return duk_bi_object_prototype_has_own_property;
    case FCW_DUK_PROPERTY_IS_ENUMERABLE:
        return duk_bi_object_prototype_property_is_enumerable;
    case FCW_DUK_GET_PROTOTYPE:
        return duk_bi_object_getprototype_shared;
    case FCW_DUK_SET_PROTOTYPE:
        return duk_bi_object_setprototype_shared;
    case FCW_DUK_IS_EXTENSIBLE:
        return duk_bi_object_constructor_is_extensible;
    case FCW_DUK_PREVENT_EXTENSIONS:
        return duk_bi_object_constructor_prevent_extensions;
    case FCW_DUK_SEAL_FREEZE:
        return duk_bi_object_constructor_seal_freeze_shared;
    case FCW_DUK_IS_SEALED_FROZEN:
        return is_sealed_frozen;
    case FCW_DUK_IS_PROTOTYPE_OF:
        return duk_bi_object_prototype_is_prototype_of;
    case FCW_DUK_HAS_INSTANCE:
        return duk_bi_function_prototype_hasinstance;
    case FCW_DUK_OBJECT_CREATE:
        return duk_bi_object_constructor_create;
    case FCW_DUK_OBJECT_KEYS:
    default:
        return duk_bi_object_constructor_keys_shared;
    }
}

/* The JavaScript call stack of the running Duktape thread (a coroutine's
 * own when one runs), innermost first, for the sampling profiler
 * (lib/profile.c): each frame's function name ("" when anonymous), its
 * fileName ("" for a native function) and the line it is at (0 when
 * unknown). Reads own properties only, with no side effects. Returns the
 * number of frames filled, at most max. */
int fcw_duk_stack_frames(duk_context *ctx, struct fcw_duk_frame *frames, int max)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_hthread *cur = thr != NULL && thr->heap != NULL ? thr->heap->curr_thread : NULL;
    duk_activation *act;
    int n = 0;

    if (cur == NULL) {
        return 0;
    }
    for (act = cur->callstack_curr; act != NULL && n < max; act = act->parent) {
        duk_hobject *fun = DUK_ACT_GET_FUNC(act);
        duk_tval *tv;
        struct fcw_duk_frame *f = &frames[n++];

        f->name = "";
        f->file = "";
        f->line = 0;
        if (fun == NULL) {
            continue;
        }
        tv = duk_hobject_find_entry_tval_ptr(thr->heap, fun, DUK_HTHREAD_STRING_NAME(thr));
        if (tv != NULL && DUK_TVAL_IS_STRING(tv)) {
            f->name = (const char *) DUK_HSTRING_GET_DATA(DUK_TVAL_GET_STRING(tv));
        }
        if (!DUK_HOBJECT_IS_COMPFUNC(fun)) {
            continue;
        }
        tv = duk_hobject_find_entry_tval_ptr(thr->heap, fun, DUK_HTHREAD_STRING_FILE_NAME(thr));
        if (tv != NULL && DUK_TVAL_IS_STRING(tv)) {
            f->file = (const char *) DUK_HSTRING_GET_DATA(DUK_TVAL_GET_STRING(tv));
        }
        tv = duk_hobject_find_entry_tval_ptr_stridx(thr->heap, fun, DUK_STRIDX_INT_PC2LINE);
        if (tv != NULL && DUK_TVAL_IS_BUFFER(tv)) {
            f->line = (long) duk__hobject_pc2line_query_raw(thr, (duk_hbuffer_fixed *) DUK_TVAL_GET_BUFFER(tv),
                                                             duk_hthread_get_act_prev_pc(thr, act));
        }
    }
    return n;
}

/* ---- record makers ---- */

/* A maker keeps its shape in its own internal value slot (Duktape's
 * "\x82Value", which nothing reads on a function): an array [proto, self
 * key or undefined, key0, key1, ...], found without interning a name. */
#define RECORD_MAX_KEYS 32

/* The array in fn's internal value slot, with at least min_len elements,
 * all in its array part, or NULL. */
static duk_hobject *value_array(duk_hthread *thr, duk_hobject *fn, duk_uint32_t min_len)
{
    duk_hobject *arr;
    duk_tval *tv;

    tv = duk_hobject_find_entry_tval_ptr(thr->heap, fn, DUK_HTHREAD_STRING_INT_VALUE(thr));
    arr = tv != NULL && DUK_TVAL_IS_OBJECT(tv) ? DUK_TVAL_GET_OBJECT(tv) : NULL;
    if (arr == NULL || !DUK_HOBJECT_IS_ARRAY(arr) || !DUK_HOBJECT_HAS_ARRAY_PART(arr) ||
        ((duk_harray *) arr)->length < min_len || ((duk_harray *) arr)->length > DUK_HOBJECT_GET_ASIZE(arr))
        return NULL;
    return arr;
}

/* The array in the running C function's internal value slot (value_array). */
static duk_hobject *own_value_array(duk_hthread *thr, duk_uint32_t min_len)
{
    duk_hobject *fn = thr->callstack_curr != NULL ? DUK_ACT_GET_FUNC(thr->callstack_curr) : NULL;
    return fn != NULL ? value_array(thr, fn, min_len) : NULL;
}

/* Pushes a record of shape (an array [proto, self key or undefined, key0,
 * key1, ...], checked when the shape was made) whose values are those at
 * value stack indexes first .. first + nvalues - 1, undefined for the rest. */
static duk_hobject *push_record(duk_hthread *thr, duk_hobject *shape, duk_idx_t first, duk_idx_t nvalues)
{
    duk_hobject *proto, *obj;
    duk_tval *tv, *spec;
    duk_idx_t i, nkeys;
    duk_int_t e;

    spec = DUK_HOBJECT_A_GET_BASE(thr->heap, shape);
    proto = DUK_TVAL_IS_OBJECT(&spec[0]) ? DUK_TVAL_GET_OBJECT(&spec[0]) : NULL;
    nkeys = (duk_idx_t) ((duk_harray *) shape)->length - 2;
    obj = duk_push_object_helper_proto(thr, DUK_HOBJECT_FLAG_EXTENSIBLE | DUK_HOBJECT_FLAG_FASTREFS |
                                                DUK_HOBJECT_CLASS_AS_FLAGS(DUK_HOBJECT_CLASS_OBJECT),
                                       proto);
    duk_hobject_resize_entrypart(thr, obj, (duk_uint32_t) (nkeys + 1));
    /* the table is allocated: nothing below allocates (or collects, which
     * could compact the shape); the shape stays referenced by its owner */
    spec = DUK_HOBJECT_A_GET_BASE(thr->heap, shape);
    if (DUK_TVAL_IS_STRING(&spec[1])) {
        e = duk__hobject_alloc_entry_checked(thr, obj, DUK_TVAL_GET_STRING(&spec[1]));
        tv = DUK_HOBJECT_E_GET_VALUE_TVAL_PTR(thr->heap, obj, e);
        DUK_TVAL_SET_OBJECT(tv, obj);
        DUK_HOBJECT_INCREF(thr, obj);
        DUK_HOBJECT_E_SET_FLAGS(thr->heap, obj, e, DUK_PROPDESC_FLAGS_WEC);
    }
    for (i = 0; i < nkeys; i++) {
        e = duk__hobject_alloc_entry_checked(thr, obj, DUK_TVAL_GET_STRING(&spec[2 + i]));
        tv = DUK_HOBJECT_E_GET_VALUE_TVAL_PTR(thr->heap, obj, e);
        if (i < nvalues) {
            DUK_TVAL_SET_TVAL(tv, thr->valstack_bottom + first + i);
            DUK_TVAL_INCREF(thr, tv);
        } else {
            DUK_TVAL_SET_UNDEFINED(tv);
        }
        DUK_HOBJECT_E_SET_FLAGS(thr->heap, obj, e, DUK_PROPDESC_FLAGS_WEC);
    }
    return obj;
}

static duk_ret_t record_make(duk_context *ctx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_hobject *shape = own_value_array(thr, 2);

    if (shape == NULL)
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "not a record maker");
    (void) push_record(thr, shape, 0, duk_get_top(ctx));
    return 1;
}

void fcw_duk_record_push(duk_context *ctx, duk_idx_t maker_idx, duk_idx_t first, duk_idx_t nvalues)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_hobject *shape = value_array(thr, duk_require_hobject(thr, maker_idx), 2);

    if (shape == NULL || !DUK_TVAL_IS_UNDEFINED(DUK_HOBJECT_A_GET_BASE(thr->heap, shape) + 1) ||
        nvalues > (duk_idx_t) ((duk_harray *) shape)->length - 2)
        (void) duk_error(ctx, DUK_ERR_TYPE_ERROR, "not a record maker without a self key");
    first = duk_require_normalize_index(ctx, first);
    (void) push_record(thr, shape, first, nvalues);
}

duk_ret_t fcw_duk_record_maker(duk_context *ctx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_uarridx_t n, i, j;
    duk_hobject *keys;

    duk_set_top(ctx, 3);
    if (!duk_is_null(ctx, 0) && !duk_is_object(ctx, 0))
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "record prototype must be an object or null");
    keys = duk_get_hobject(thr, 1);
    if (keys == NULL || !DUK_HOBJECT_IS_ARRAY(keys))
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "record keys must be an array");
    n = (duk_uarridx_t) duk_get_length(ctx, 1);
    if (n > RECORD_MAX_KEYS)
        return duk_error(ctx, DUK_ERR_RANGE_ERROR, "a record has at most %d keys", RECORD_MAX_KEYS);
    if (!duk_is_undefined(ctx, 2) && !duk_is_symbol(ctx, 2) && !duk_is_string(ctx, 2))
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "record self key must be a string or symbol");
    duk_push_c_function(ctx, record_make, DUK_VARARGS);
    make_non_constructor(thr, duk_known_hobject(thr, -1));
    duk_push_array(ctx);
    duk_dup(ctx, 0);
    duk_put_prop_index(ctx, -2, 0);
    duk_dup(ctx, 2);
    duk_put_prop_index(ctx, -2, 1);
    for (i = 0; i < n; i++) {
        duk_get_prop_index(ctx, 1, i);
        if (!duk_is_symbol(ctx, -1) && !duk_is_string(ctx, -1))
            return duk_error(ctx, DUK_ERR_TYPE_ERROR, "record key %lu is not a string or symbol", (unsigned long) i);
        if (DUK_HSTRING_HAS_ARRIDX(duk_known_hstring(thr, -1)))
            return duk_error(ctx, DUK_ERR_TYPE_ERROR, "record key %lu is an array index", (unsigned long) i);
        for (j = 1; j < 2 + i; j++) {
            duk_get_prop_index(ctx, -2, j);
            if (duk_strict_equals(ctx, -1, -2))
                return duk_error(ctx, DUK_ERR_TYPE_ERROR, "record key %lu is given twice", (unsigned long) i);
            duk_pop(ctx);
        }
        duk_put_prop_index(ctx, -2, 2 + i);
    }
    duk_compact(ctx, -1);
    duk_hobject_define_property_internal(thr, duk_known_hobject(thr, -2), DUK_HTHREAD_STRING_INT_VALUE(thr), 0);
    return 1;
}

/* ---- the promise core ---- */

/* The configuration every function of the core keeps in its internal
 * value slot (fcw_duk_promise_core): the slots' keys, the job queue and
 * the unhandled candidates (arrays, never replaced), the reaction job, and
 * the reaction record's shape. */
enum {
    PC_SELF,
    PC_STATE,
    PC_RESULT,
    PC_REACTIONS,
    PC_HANDLED,
    PC_JOBS,
    PC_UNHANDLED,
    PC_REACTION_JOB,
    PC_REACTION_SHAPE,
    PC_THENABLE_JOB,
    PC_RESUME_ASYNC,
    PC_PROMISE,
    PC_PROMISE_SHAPE,
    PC_ASYNC_FULFILLED, /* the job of an await of a fulfilled value, given the run alone (resumeAsync) */
    PC_ASYNC_REJECTED,
    PC_CO_SHAPE,   /* the shape of an async function's coroutine run (setCoroutines) */
    PC_CO_STARTER, /* the function a run's thread starts with */
    PC_CO_FREE,    /* finished runs' threads, for the next runs (co_recycle) */
    PC_CONTEXT,      /* the async context now (AsyncLocalStorage's frame), undefined when none */
    PC_CONTEXT_USED, /* true once a context was ever set: until then no job looks for one */
    PC_CONTEXT_JOB,  /* contextJob, which runs a job queued with its context */
    PC_COUNT
};

/* Keys of a coroutine run record, in its shape's order after proto and self
 * (js/10-promise.js's makeCoRun). */
enum { CO_GENERATOR, CO_PROMISE, CO_ARGUMENT, CO_THIS, CO_ARGS, CO_BODY, CO_STATUS, CO_THREAD, CO_COUNT };
static const char *const co_run_keys[CO_COUNT] = {"generator", "promise", "argument", "thisArg",
                                                  "args",      "body",    "status",   "thread"};

/* Keys of the reaction record, in its shape's order after proto and self. */
enum { RX_ON_FULFILLED, RX_ON_REJECTED, RX_TARGET, RX_CAPABILITY, RX_FULFILLED, RX_ARGUMENT, RX_NEXT, RX_CONTEXT, RX_COUNT };
static const char *const reaction_keys[RX_COUNT] = {"onFulfilled", "onRejected", "target", "capability",
                                                    "fulfilled",   "argument",   "next",   "context"};

struct pcore {
    duk_hthread *thr;
    duk_hobject *config;
};

static duk_tval *pc_item(struct pcore *pc, int i)
{
    return DUK_HOBJECT_A_GET_BASE(pc->thr->heap, pc->config) + i;
}

static duk_hstring *pc_key(struct pcore *pc, int i)
{
    return DUK_TVAL_GET_STRING(pc_item(pc, i));
}

static duk_hstring *rx_key(struct pcore *pc, int i)
{
    duk_hobject *shape = DUK_TVAL_GET_OBJECT(pc_item(pc, PC_REACTION_SHAPE));
    return DUK_TVAL_GET_STRING(DUK_HOBJECT_A_GET_BASE(pc->thr->heap, shape) + 2 + i);
}

/* The key of a coroutine run's slot i (the shape must be set). */
static duk_hstring *co_key(struct pcore *pc, int i)
{
    duk_hobject *shape = DUK_TVAL_GET_OBJECT(pc_item(pc, PC_CO_SHAPE));
    return DUK_TVAL_GET_STRING(DUK_HOBJECT_A_GET_BASE(pc->thr->heap, shape) + 2 + i);
}

/* The entry of each function of the core: its configuration, and its
 * arguments made nargs (missing ones undefined). */
static void pc_init(duk_hthread *thr, struct pcore *pc, duk_idx_t nargs)
{
    pc->thr = thr;
    pc->config = own_value_array(thr, PC_COUNT);
    if (pc->config == NULL)
        (void) duk_error((duk_context *) thr, DUK_ERR_TYPE_ERROR, "not a promise core function");
    duk_set_top(thr, nargs);
}

/* Pushes obj[key] (obj at idx): an own data property read in place, any
 * other case as a property read would. */
static void slot_get(duk_hthread *thr, duk_idx_t idx, duk_hstring *key)
{
    duk_hobject *obj = duk_require_hobject(thr, idx);
    duk_tval *tv = duk_hobject_find_entry_tval_ptr(thr->heap, obj, key);
    if (tv != NULL) {
        duk_push_tval(thr, tv);
        return;
    }
    duk_push_hstring(thr, key);
    (void) duk_get_prop(thr, idx);
}

/* obj[key] = the value on top, which is popped (an own data property is
 * written in place as the runtime's slot it is). */
static void slot_set(duk_hthread *thr, duk_idx_t idx, duk_hstring *key)
{
    duk_hobject *obj = duk_require_hobject(thr, idx);
    duk_tval *tv = duk_hobject_find_entry_tval_ptr(thr->heap, obj, key);
    if (tv != NULL) {
        DUK_TVAL_SET_TVAL_UPDREF(thr, tv, thr->valstack_top - 1);
        duk_pop(thr);
        return;
    }
    duk_push_hstring(thr, key);
    duk_swap_top(thr, -2);
    (void) duk_put_prop(thr, idx);
}

/* Appends the value at idx to the array item i of the configuration. */
static void pc_append(struct pcore *pc, int i, duk_idx_t idx)
{
    duk_hthread *thr = pc->thr;
    duk_push_tval(thr, pc_item(pc, i));
    duk_dup(thr, idx);
    duk_put_prop_index(thr, -2, (duk_uarridx_t) duk_get_length(thr, -2));
    duk_pop(thr);
}

/* The job queue gets the job function item job of the configuration
 * (PC_REACTION_JOB, PC_THENABLE_JOB) and its argument at idx. */
static void pc_queue(struct pcore *pc, int job, duk_idx_t idx)
{
    duk_hthread *thr = pc->thr;
    duk_uarridx_t n;
    duk_push_tval(thr, pc_item(pc, PC_JOBS));
    n = (duk_uarridx_t) duk_get_length(thr, -1);
    duk_push_tval(thr, pc_item(pc, job));
    duk_put_prop_index(thr, -2, n);
    duk_dup(thr, idx);
    duk_put_prop_index(thr, -2, n + 1);
    duk_pop(thr);
}

/* ---- the async context (node:async_hooks' AsyncLocalStorage,
 * js/76-async-hooks.js) ----
 *
 * One value is current at a time (PC_CONTEXT: a frame of the stores, or
 * undefined). What a job continues runs in the context that was current
 * when it was set up: a reaction keeps the context of its `then` (or
 * `await`), a job queued here the context of its queueing. So that code
 * which never sets a context pays nothing, nothing is kept while none is
 * current, and a reaction job looks for one only once one was ever set. */
static int pc_has_context(struct pcore *pc)
{
    return !DUK_TVAL_IS_UNDEFINED(pc_item(pc, PC_CONTEXT));
}

/* The current context becomes the value at idx. */
static void pc_set_context(struct pcore *pc, duk_idx_t idx)
{
    duk_hthread *thr = pc->thr;
    duk_tval *tv = duk_require_tval(thr, idx);
    if (!DUK_TVAL_IS_UNDEFINED(tv))
        DUK_TVAL_SET_BOOLEAN_UPDREF(thr, pc_item(pc, PC_CONTEXT_USED), 1);
    DUK_TVAL_SET_TVAL_UPDREF(thr, pc_item(pc, PC_CONTEXT), tv);
}

/* As pc_queue, but with a context current the job is queued as contextJob
 * with [job function, argument, context]. */
static void pc_queue_in_context(struct pcore *pc, int job, duk_idx_t idx)
{
    duk_hthread *thr = pc->thr;
    duk_idx_t rec;

    if (!pc_has_context(pc)) {
        pc_queue(pc, job, idx);
        return;
    }
    idx = duk_require_normalize_index(thr, idx);
    duk_push_tval(thr, pc_item(pc, job));
    duk_dup(thr, idx);
    duk_push_tval(thr, pc_item(pc, PC_CONTEXT));
    duk_pack(thr, 3); /* an array of its final size at once */
    rec = duk_get_top_index(thr);
    pc_queue(pc, PC_CONTEXT_JOB, rec);
    duk_pop(thr);
}

/* contextJob([fn, arg, context]): fn(arg) in that context; the context
 * before it is current again afterwards, whatever fn did. */
static duk_ret_t promise_context_job(duk_context *ctx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    struct pcore pc;
    duk_int_t rc;

    pc_init(thr, &pc, 1);
    duk_require_hobject(thr, 0);
    duk_push_tval(thr, pc_item(&pc, PC_CONTEXT)); /* 1: the context before */
    duk_get_prop_index(ctx, 0, 2);                 /* 2 */
    pc_set_context(&pc, 2);
    duk_get_prop_index(ctx, 0, 0);
    duk_get_prop_index(ctx, 0, 1);
    rc = duk_pcall(ctx, 1);
    pc_set_context(&pc, 1);
    if (rc != DUK_EXEC_SUCCESS)
        return duk_throw(ctx);
    return 0;
}

/* getContext() and setContext(value), which returns the context it
 * replaced (magic 0 and 1). */
static duk_ret_t promise_context(duk_context *ctx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    struct pcore pc;

    pc_init(thr, &pc, 1);
    duk_push_tval(thr, pc_item(&pc, PC_CONTEXT));
    if (duk_get_current_magic(ctx) == 1)
        pc_set_context(&pc, 0);
    return 1;
}

/* TriggerPromiseReactions: the list at list_idx is newest first; each
 * reaction, oldest first, gets its outcome and is queued. */
static void pc_trigger(struct pcore *pc, duk_idx_t list_idx, duk_idx_t arg_idx, int fulfilled)
{
    duk_hthread *thr = pc->thr;
    duk_idx_t ordered = duk_get_top(thr), r = ordered + 1, next = ordered + 2;

    duk_push_undefined(thr);
    duk_dup(thr, list_idx);
    duk_push_undefined(thr);
    while (!duk_is_undefined(thr, r)) {
        slot_get(thr, r, rx_key(pc, RX_NEXT));
        duk_replace(thr, next);
        duk_dup(thr, ordered);
        slot_set(thr, r, rx_key(pc, RX_NEXT));
        duk_dup(thr, r);
        duk_replace(thr, ordered);
        duk_dup(thr, next);
        duk_replace(thr, r);
    }
    duk_dup(thr, ordered);
    duk_replace(thr, r);
    while (!duk_is_undefined(thr, r)) {
        slot_get(thr, r, rx_key(pc, RX_NEXT));
        duk_replace(thr, next);
        duk_push_undefined(thr);
        slot_set(thr, r, rx_key(pc, RX_NEXT));
        duk_push_boolean(thr, fulfilled);
        slot_set(thr, r, rx_key(pc, RX_FULFILLED));
        duk_dup(thr, arg_idx);
        slot_set(thr, r, rx_key(pc, RX_ARGUMENT));
        pc_queue(pc, PC_REACTION_JOB, r);
        duk_dup(thr, next);
        duk_replace(thr, r);
    }
    duk_set_top(thr, ordered);
}

/* FulfillPromise (state 1) and RejectPromise (state 2) of the promise at
 * promise_idx with the value at value_idx, with the host's rejection
 * tracker (an unhandled rejection becomes a candidate). */
static void pc_settle(struct pcore *pc, duk_idx_t promise_idx, duk_idx_t value_idx, int state)
{
    duk_hthread *thr = pc->thr;
    duk_idx_t reactions = duk_get_top(thr);

    slot_get(thr, promise_idx, pc_key(pc, PC_REACTIONS));
    duk_dup(thr, value_idx);
    slot_set(thr, promise_idx, pc_key(pc, PC_RESULT));
    if (!duk_is_undefined(thr, reactions)) {
        duk_push_undefined(thr);
        slot_set(thr, promise_idx, pc_key(pc, PC_REACTIONS));
    }
    duk_push_int(thr, state);
    slot_set(thr, promise_idx, pc_key(pc, PC_STATE));
    if (state == 2) {
        slot_get(thr, promise_idx, pc_key(pc, PC_HANDLED));
        if (!duk_to_boolean(thr, -1))
            pc_append(pc, PC_UNHANDLED, promise_idx);
        duk_pop(thr);
    }
    if (!duk_is_undefined(thr, reactions))
        pc_trigger(pc, reactions, value_idx, state == 1);
    duk_set_top(thr, reactions);
}

/* fulfill(promise, value) and reject(promise, reason): magic 1 and 2. */
static duk_ret_t promise_settle(duk_context *ctx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    struct pcore pc;

    pc_init(thr, &pc, 2);
    duk_require_hobject(thr, 0);
    pc_settle(&pc, 0, 1, duk_get_current_magic(ctx));
    return 0;
}

static duk_ret_t get_then(duk_context *ctx, void *udata)
{
    (void) udata;
    duk_get_prop_string(ctx, -1, "then");
    return 1;
}

/* Whether the value at idx is no object (typeof neither 'object' nor
 * 'function'): it cannot be a thenable. */
static int is_primitive(duk_context *ctx, duk_idx_t idx)
{
    return duk_check_type_mask(ctx, idx, DUK_TYPE_MASK_UNDEFINED | DUK_TYPE_MASK_NULL | DUK_TYPE_MASK_BOOLEAN |
                                             DUK_TYPE_MASK_NUMBER | DUK_TYPE_MASK_STRING | DUK_TYPE_MASK_POINTER);
}

/* Pushes value.then (value at idx), or what getting it threw; returns
 * whether the get succeeded. */
static int push_then(duk_context *ctx, duk_idx_t idx)
{
    duk_dup(ctx, idx);
    return duk_safe_call(ctx, get_then, NULL, 1, 1) == DUK_EXEC_SUCCESS;
}

/* Queues the thenable job of the configuration with { promise, thenable,
 * then } (NewPromiseResolveThenableJob), from the value stack. */
static void pc_queue_thenable(struct pcore *pc, duk_idx_t promise, duk_idx_t thenable, duk_idx_t then)
{
    duk_context *ctx = (duk_context *) pc->thr;
    duk_idx_t job = duk_push_object(ctx);
    duk_dup(ctx, promise);
    duk_put_prop_string(ctx, job, "promise");
    duk_dup(ctx, thenable);
    duk_put_prop_string(ctx, job, "thenable");
    duk_dup(ctx, then);
    duk_put_prop_string(ctx, job, "then");
    pc_queue_in_context(pc, PC_THENABLE_JOB, job);
    duk_pop(ctx);
}

/* The steps of a promise's resolve function, once it is known to be its
 * first call, for the promise at promise_idx and the resolution at
 * value_idx. A thenable is adopted by a job, the thenable job of the
 * configuration with { promise, thenable, then }. */
static void pc_resolve(struct pcore *pc, duk_idx_t promise_idx, duk_idx_t value_idx)
{
    duk_hthread *thr = pc->thr;
    duk_context *ctx = (duk_context *) thr;
    duk_idx_t top = duk_get_top(ctx);

    if (duk_strict_equals(ctx, promise_idx, value_idx)) {
        (void) duk_push_error_object(ctx, DUK_ERR_TYPE_ERROR, "Chaining cycle detected for promise");
        pc_settle(pc, promise_idx, top, 2);
    } else if (is_primitive(ctx, value_idx)) {
        pc_settle(pc, promise_idx, value_idx, 1);
    } else if (!push_then(ctx, value_idx)) {
        pc_settle(pc, promise_idx, top, 2);
    } else if (!duk_is_callable(ctx, top)) {
        pc_settle(pc, promise_idx, value_idx, 1);
    } else {
        pc_queue_thenable(pc, promise_idx, value_idx, top);
    }
    duk_set_top(ctx, top);
}

/* resolve(promise, resolution) */
static duk_ret_t promise_resolve(duk_context *ctx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    struct pcore pc;

    pc_init(thr, &pc, 2);
    duk_require_hobject(thr, 0);
    pc_resolve(&pc, 0, 1);
    return 0;
}

static void reaction_run(struct pcore *pc, duk_idx_t base, duk_idx_t before);

/* reactionJob(reaction): NewPromiseReactionJob's job. The handler's
 * outcome (or the argument passed through) settles the target: a
 * %Promise%, or an async function's run record, which resumeAsync resumes;
 * with no target, a generic capability's resolve or reject is called, and
 * without one (native.whenSettled) a rejection is thrown to the job loop. */
static duk_ret_t promise_reaction_job(duk_context *ctx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    struct pcore pc;

    pc_init(thr, &pc, 1);
    duk_require_hobject(thr, 0);
    if (DUK_TVAL_IS_BOOLEAN_TRUE(pc_item(&pc, PC_CONTEXT_USED))) {
        slot_get(thr, 0, rx_key(&pc, RX_CONTEXT)); /* 1 */
        if (!duk_is_undefined(ctx, 1) || pc_has_context(&pc)) {
            /* in the reaction's context, the one before it current again
             * after it, and before anything it throws */
            duk_push_tval(thr, pc_item(&pc, PC_CONTEXT)); /* 2 */
            pc_set_context(&pc, 1);
            duk_dup(ctx, 0); /* 3 */
            reaction_run(&pc, 3, 2);
            pc_set_context(&pc, 2);
            return 0;
        }
        duk_set_top(ctx, 1);
    }
    reaction_run(&pc, 0, -1);
    return 0;
}

/* The reaction job's steps, the reaction at index base and nothing above
 * it. With before (an index, else -1), the context there is made current
 * again before an exception leaves: the handler's are caught, resumeAsync
 * catches its run's, and a rejection without a capability or a
 * capability's resolve or reject is rethrown after it. */
static void reaction_run(struct pcore *pc, duk_idx_t base, duk_idx_t before)
{
    duk_hthread *thr = pc->thr;
    duk_context *ctx = (duk_context *) thr;
    duk_idx_t reaction = base, handler = base + 1, value = base + 2, target = base + 3, capability = base + 4;
    int fulfilled;

    slot_get(thr, reaction, rx_key(pc, RX_FULFILLED));
    fulfilled = duk_to_boolean(ctx, -1);
    duk_pop(ctx);
    slot_get(thr, reaction, rx_key(pc, fulfilled ? RX_ON_FULFILLED : RX_ON_REJECTED)); /* handler */
    slot_get(thr, reaction, rx_key(pc, RX_ARGUMENT));                                   /* value */
    duk_push_undefined(ctx);
    slot_set(thr, reaction, rx_key(pc, RX_ARGUMENT));
    if (!duk_is_undefined(ctx, handler)) {
        duk_dup(ctx, handler);
        duk_dup(ctx, value);
        fulfilled = duk_pcall(ctx, 1) == DUK_EXEC_SUCCESS;
        duk_replace(ctx, value);
    }
    slot_get(thr, reaction, rx_key(pc, RX_TARGET)); /* target */
    if (!duk_is_undefined(ctx, target)) {
        duk_require_hobject(thr, target);
        slot_get(thr, target, pc_key(pc, PC_SELF));
        if (!duk_strict_equals(ctx, -1, target)) {
            duk_push_tval(thr, pc_item(pc, PC_RESUME_ASYNC));
            duk_dup(ctx, target);
            duk_push_boolean(ctx, fulfilled);
            duk_dup(ctx, value);
            duk_call(ctx, 3);
        } else if (fulfilled) {
            pc_resolve(pc, target, value);
        } else {
            pc_settle(pc, target, value, 2);
        }
        return;
    }
    slot_get(thr, reaction, rx_key(pc, RX_CAPABILITY)); /* capability */
    if (duk_is_undefined(ctx, capability)) {
        if (!fulfilled) {
            duk_dup(ctx, value);
            if (before >= 0)
                pc_set_context(pc, before);
            (void) duk_throw(ctx);
        }
        return;
    }
    duk_get_prop_string(ctx, capability, fulfilled ? "resolve" : "reject");
    duk_dup(ctx, value);
    if (before < 0) {
        duk_call(ctx, 1);
    } else if (duk_pcall(ctx, 1) != DUK_EXEC_SUCCESS) {
        pc_set_context(pc, before);
        (void) duk_throw(ctx);
    }
}

/* PerformPromiseThen(promise at promise_idx, onFulfilled, onRejected)
 * with the reaction's target and capability, from the value stack (a
 * handler that is not callable is none). */
static void pc_perform_then(struct pcore *pc, duk_idx_t promise_idx, duk_idx_t on_fulfilled, duk_idx_t on_rejected,
                            duk_idx_t target, duk_idx_t capability)
{
    duk_hthread *thr = pc->thr;
    duk_context *ctx = (duk_context *) thr;
    duk_idx_t top = duk_get_top(ctx), reaction = top + 5;
    duk_int_t state;

    duk_require_hobject(thr, promise_idx);
    if (duk_is_callable(ctx, on_fulfilled))
        duk_dup(ctx, on_fulfilled);
    else
        duk_push_undefined(ctx);
    if (duk_is_callable(ctx, on_rejected))
        duk_dup(ctx, on_rejected);
    else
        duk_push_undefined(ctx);
    duk_dup(ctx, target);
    duk_dup(ctx, capability);
    duk_push_false(ctx); /* fulfilled */
    (void) push_record(thr, DUK_TVAL_GET_OBJECT(pc_item(pc, PC_REACTION_SHAPE)), top, 5);
    if (pc_has_context(pc)) {
        duk_push_tval(thr, pc_item(pc, PC_CONTEXT));
        slot_set(thr, reaction, rx_key(pc, RX_CONTEXT));
    }
    slot_get(thr, promise_idx, pc_key(pc, PC_STATE));
    state = duk_get_int(ctx, -1);
    duk_pop(ctx);
    if (state == 0) {
        slot_get(thr, promise_idx, pc_key(pc, PC_REACTIONS));
        slot_set(thr, reaction, rx_key(pc, RX_NEXT));
        duk_dup(ctx, reaction);
        slot_set(thr, promise_idx, pc_key(pc, PC_REACTIONS));
    } else {
        duk_push_boolean(ctx, state == 1);
        slot_set(thr, reaction, rx_key(pc, RX_FULFILLED));
        slot_get(thr, promise_idx, pc_key(pc, PC_RESULT));
        slot_set(thr, reaction, rx_key(pc, RX_ARGUMENT));
        pc_queue(pc, PC_REACTION_JOB, reaction);
    }
    duk_push_true(ctx);
    slot_set(thr, promise_idx, pc_key(pc, PC_HANDLED));
    duk_set_top(ctx, top);
}

/* performThen(promise, onFulfilled, onRejected, target, capability) */
static duk_ret_t promise_perform_then(duk_context *ctx)
{
    struct pcore pc;

    pc_init((duk_hthread *) ctx, &pc, 5);
    pc_perform_then(&pc, 0, 1, 2, 3, 4);
    return 0;
}

/* awaitValue(run, value): an async function's `await value` once its
 * body has yielded it: PromiseResolve(%Promise%, value) and
 * PerformPromiseThen with the run as the reaction's target. When that
 * promise would be settled at once (value is a settled %Promise%, or no
 * thenable: a new promise fulfilled with it), the run itself is queued,
 * its argument set, with the fulfilled or rejected job of the
 * configuration: no promise and no reaction record. */
static duk_ret_t promise_await(duk_context *ctx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    struct pcore pc;
    duk_hobject *obj;
    int state = 1;

    pc_init(thr, &pc, 2);
    duk_require_hobject(thr, 0);
    duk_push_undefined(ctx); /* 2: no handler, no capability */
    if (!is_primitive(ctx, 1)) {
        int ours = 0;
        obj = duk_get_hobject(thr, 1);
        if (obj != NULL) {
            slot_get(thr, 1, pc_key(&pc, PC_SELF));
            if (duk_strict_equals(ctx, -1, 1)) {
                duk_get_prop_string(ctx, 1, "constructor");
                duk_push_tval(thr, pc_item(&pc, PC_PROMISE));
                ours = duk_strict_equals(ctx, -1, -2);
                duk_pop_2(ctx);
            }
            duk_pop(ctx);
        }
        if (ours) {
            slot_get(thr, 1, pc_key(&pc, PC_STATE));
            state = duk_get_int(ctx, -1);
            duk_pop(ctx);
            if (state == 0) {
                pc_perform_then(&pc, 1, 2, 2, 0, 2);
                return 0;
            }
            duk_push_true(ctx);
            slot_set(thr, 1, pc_key(&pc, PC_HANDLED));
            slot_get(thr, 1, pc_key(&pc, PC_RESULT));
            duk_replace(ctx, 1);
        } else {
            /* the resolve function's steps on the new promise */
            if (!push_then(ctx, 1)) { /* 3 */
                state = 2;
                duk_replace(ctx, 1);
            } else if (duk_is_callable(ctx, 3)) {
                duk_push_int(ctx, 0); /* 4: PENDING */
                (void) push_record(thr, DUK_TVAL_GET_OBJECT(pc_item(&pc, PC_PROMISE_SHAPE)), 4, 1); /* 5 */
                pc_queue_thenable(&pc, 5, 1, 3);
                pc_perform_then(&pc, 5, 2, 2, 0, 2);
                return 0;
            } else {
                duk_pop(ctx);
            }
        }
    }
    duk_dup(ctx, 1);
    slot_set(thr, 0, rx_key(&pc, RX_ARGUMENT));
    pc_queue_in_context(&pc, state == 1 ? PC_ASYNC_FULFILLED : PC_ASYNC_REJECTED, 0);
    return 0;
}

/* How many finished threads are kept for new runs: the depth of a chain of
 * async calls that end together (a request's middleware) */
#define CO_FREE_MAX 16
/* and the value stack (in values) a kept thread may have grown to: its
 * first calls take it from 96 to about 150; a deep recursion's is let go */
#define CO_VALSTACK_MAX 256

/* After a coroutine run has ended (its thread returned or threw: Duktape
 * has unwound it, its stacks are empty and its state TERMINATED), its
 * thread joins the configuration's free list, unless something besides the
 * run holds it or its value stack grew past CO_VALSTACK_MAX. A thread so
 * kept is a new one to promise_co_run: a new thread's allocation, value
 * stack and copies of the built-ins, and their freeing, cost more than the
 * rest of an async call's start. */
static void co_recycle(struct pcore *pc, duk_idx_t run_idx)
{
    duk_hthread *thr = pc->thr, *t;
    duk_hobject *run = duk_get_hobject(thr, run_idx), *free_list;
    duk_tval *tv;
    duk_uint32_t n;

    if (run == NULL || !DUK_TVAL_IS_OBJECT(pc_item(pc, PC_CO_FREE)))
        return; /* (the shape is set: promise_co_settle checked) */
    /* the run's thread, in the slot its shape gives it */
    if (DUK_HOBJECT_GET_ENEXT(run) <= CO_THREAD || DUK_HOBJECT_E_GET_KEY(thr->heap, run, CO_THREAD) != co_key(pc, CO_THREAD) ||
        DUK_HOBJECT_E_SLOT_IS_ACCESSOR(thr->heap, run, CO_THREAD))
        return;
    tv = DUK_HOBJECT_E_GET_VALUE_TVAL_PTR(thr->heap, run, CO_THREAD);
    if (!DUK_TVAL_IS_OBJECT(tv) || !DUK_HOBJECT_IS_THREAD(DUK_TVAL_GET_OBJECT(tv)))
        return;
    t = (duk_hthread *) DUK_TVAL_GET_OBJECT(tv);
    if (t->state != DUK_HTHREAD_STATE_TERMINATED || DUK_HEAPHDR_GET_REFCOUNT((duk_heaphdr *) t) != 1 ||
        t->callstack_curr != NULL || t->callstack_top != 0 || t->valstack_top != t->valstack ||
        t->valstack_bottom != t->valstack || t->resumer != NULL ||
        t->valstack_alloc_end - t->valstack > CO_VALSTACK_MAX)
        return;
    free_list = DUK_TVAL_GET_OBJECT(pc_item(pc, PC_CO_FREE));
    n = ((duk_harray *) free_list)->length;
    if (n >= CO_FREE_MAX)
        return;
    duk_push_tval(thr, pc_item(pc, PC_CO_FREE));
    duk_push_tval(thr, tv);
    duk_put_prop_index(thr, -2, n);
    duk_pop(thr);
    tv = DUK_HOBJECT_E_GET_VALUE_TVAL_PTR(thr->heap, run, CO_THREAD); /* (the put may have moved nothing, but read again) */
    DUK_TVAL_SET_UNDEFINED_UPDREF(thr, tv);
}

/* Pushes a thread of the free list, made ready to start as a new one, and
 * returns it; or NULL, pushing nothing, when the list is empty. */
static duk_hthread *co_reuse(struct pcore *pc)
{
    duk_hthread *thr = pc->thr, *t;
    duk_hobject *free_list;
    duk_uint32_t n;

    if (!DUK_TVAL_IS_OBJECT(pc_item(pc, PC_CO_FREE)))
        return NULL;
    free_list = DUK_TVAL_GET_OBJECT(pc_item(pc, PC_CO_FREE));
    n = ((duk_harray *) free_list)->length;
    if (n == 0)
        return NULL;
    duk_push_tval(thr, pc_item(pc, PC_CO_FREE));
    duk_get_prop_index(thr, -1, n - 1);
    duk_push_uint(thr, n - 1);
    duk_put_prop_literal(thr, -3, "length");
    duk_remove(thr, -2);
    t = (duk_hthread *) duk_get_hobject(thr, -1);
    if (t == NULL || !DUK_HOBJECT_IS_THREAD((duk_hobject *) t) || t->state != DUK_HTHREAD_STATE_TERMINATED ||
        t->callstack_curr != NULL || t->valstack_top != t->valstack) {
        duk_pop(thr);
        return NULL;
    }
    t->state = DUK_HTHREAD_STATE_INACTIVE;
    return t;
}

/* setCoroutines(runMaker, starter): the coroutine run's shape, from
 * native.recordMaker's maker of it (its keys those of co_run_keys, no
 * prototype, no self key), and the function each run's thread starts
 * with (js/15-build-helpers.js's coStarter). */
static duk_ret_t promise_set_coroutines(duk_context *ctx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    struct pcore pc;
    duk_hobject *shape;
    duk_tval *spec;
    int i;

    pc_init(thr, &pc, 2);
    shape = value_array(thr, duk_require_hobject(thr, 0), 2 + CO_COUNT);
    if (shape == NULL || ((duk_harray *) shape)->length != 2 + CO_COUNT)
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "setCoroutines: not the maker of a coroutine run");
    spec = DUK_HOBJECT_A_GET_BASE(thr->heap, shape);
    if (!DUK_TVAL_IS_NULL(&spec[0]) || !DUK_TVAL_IS_UNDEFINED(&spec[1]))
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "setCoroutines: a run has no prototype and no self key");
    for (i = 0; i < CO_COUNT; i++) {
        duk_hstring *key = DUK_TVAL_GET_STRING(&spec[2 + i]);
        if (strcmp((const char *) DUK_HSTRING_GET_DATA(key), co_run_keys[i]) != 0)
            return duk_error(ctx, DUK_ERR_TYPE_ERROR, "setCoroutines: run key %d is not %s", i, co_run_keys[i]);
    }
    duk_require_function(ctx, 1);
    if (!DUK_HOBJECT_IS_COMPFUNC(duk_known_hobject(thr, 1)))
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "setCoroutines: a thread starts with an ECMAScript function");
    DUK_TVAL_SET_OBJECT_UPDREF(thr, pc_item(&pc, PC_CO_SHAPE), shape);
    DUK_TVAL_SET_OBJECT_UPDREF(thr, pc_item(&pc, PC_CO_STARTER), duk_known_hobject(thr, 1));
    return 0;
}

/* coRun(thisArg, args, body): the run record of an async function's call
 * as fcworker-build lowers it (`_fcw_co_async(thisArg, args, body)`,
 * js/10-promise.js's coAsync): generator null, a new pending %Promise%,
 * thisArg, args, body, status NOT_STARTED, and its thread, made here to
 * start at the starter as `new Duktape.Thread(starter)` would. Three calls
 * (the promise's and the run's makers, the Thread constructor) in one. The
 * thread is resumed by resumeAsync in JavaScript: Duktape resumes only from
 * ECMAScript code, and a resume under a C call would count against the C
 * recursion limit at each level of a recursive async function. */
static duk_ret_t promise_co_run(duk_context *ctx)
{
    duk_hthread *thr = (duk_hthread *) ctx, *t;
    struct pcore pc;

    pc_init(thr, &pc, 3); /* 0: thisArg, 1: args, 2: body */
    if (!DUK_TVAL_IS_OBJECT(pc_item(&pc, PC_CO_SHAPE)) || !DUK_TVAL_IS_OBJECT(pc_item(&pc, PC_CO_STARTER)))
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "coRun: coroutines are not set up");
    duk_push_int(ctx, 0);    /* 3: PENDING */
    duk_push_null(ctx);      /* 4: generator */
    (void) push_record(thr, DUK_TVAL_GET_OBJECT(pc_item(&pc, PC_PROMISE_SHAPE)), 3, 1); /* 5: promise */
    duk_push_undefined(ctx); /* 6: argument */
    duk_dup(ctx, 0);         /* 7: thisArg */
    duk_dup(ctx, 1);         /* 8: args */
    duk_dup(ctx, 2);         /* 9: body */
    duk_push_int(ctx, 0);    /* 10: NOT_STARTED */
    t = co_reuse(&pc);       /* 11: thread */
    if (t == NULL) {
        (void) duk_push_thread(ctx);
        t = (duk_hthread *) duk_known_hobject(thr, 11);
        t->state = DUK_HTHREAD_STATE_INACTIVE;
    }
    duk_push_tval(t, pc_item(&pc, PC_CO_STARTER)); /* its initial function, which resume calls */
    (void) push_record(thr, DUK_TVAL_GET_OBJECT(pc_item(&pc, PC_CO_SHAPE)), 4, CO_COUNT);
    return 1;
}

/* coResolve(run, value) and coReject(run, reason), magic 0 and 2: an
 * async function's coroutine run has ended (resumeAsync): its promise is
 * resolved or rejected as resolve and reject do, and its thread kept for
 * the next run (co_recycle). */
static duk_ret_t promise_co_settle(duk_context *ctx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    struct pcore pc;
    int magic = duk_get_current_magic(ctx);

    pc_init(thr, &pc, 2); /* 0: run, 1: value */
    duk_require_hobject(thr, 0);
    if (!DUK_TVAL_IS_OBJECT(pc_item(&pc, PC_CO_SHAPE)))
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "coroutines are not set up");
    co_recycle(&pc, 0);
    slot_get(thr, 0, co_key(&pc, CO_PROMISE)); /* 2: the promise */
    duk_require_hobject(thr, 2);
    if (magic == 0)
        pc_resolve(&pc, 2, 1);
    else
        pc_settle(&pc, 2, 1, 2);
    return 0;
}

static void pc_function(duk_hthread *thr, duk_c_function fn, duk_idx_t nargs, int magic, const char *name)
{
    duk_push_c_function(thr, fn, nargs);
    duk_set_magic(thr, -1, magic);
    make_non_constructor(thr, duk_known_hobject(thr, -1));
    duk_dup(thr, -2); /* the configuration */
    duk_hobject_define_property_internal(thr, duk_known_hobject(thr, -2), DUK_HTHREAD_STRING_INT_VALUE(thr), 0);
    duk_put_prop_string(thr, -3, name);
}

duk_ret_t fcw_duk_promise_core(duk_context *ctx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_idx_t i;

    duk_set_top(ctx, 8);
    if (!duk_is_array(ctx, 0) || duk_get_length(ctx, 0) != 5)
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "promise core: five slot keys");
    if (!duk_is_array(ctx, 1) || !duk_is_array(ctx, 2) || !duk_is_callable(ctx, 3) || !duk_is_callable(ctx, 4) ||
        !duk_is_callable(ctx, 5) || !duk_is_callable(ctx, 6) || !duk_is_callable(ctx, 7))
        return duk_error(ctx, DUK_ERR_TYPE_ERROR,
                         "promise core: job queue, candidates, thenable job, resumeAsync, Promise, await jobs");
    duk_push_object(ctx); /* 8: the result */
    duk_push_array(ctx);  /* 9: the configuration */
    for (i = 0; i < 5; i++) {
        duk_get_prop_index(ctx, 0, (duk_uarridx_t) i);
        if (!duk_is_symbol(ctx, -1) && !duk_is_string(ctx, -1))
            return duk_error(ctx, DUK_ERR_TYPE_ERROR, "promise core: slot key %ld", (long) i);
        duk_put_prop_index(ctx, 9, (duk_uarridx_t) (PC_SELF + i));
    }
    duk_dup(ctx, 1);
    duk_put_prop_index(ctx, 9, PC_JOBS);
    duk_dup(ctx, 2);
    duk_put_prop_index(ctx, 9, PC_UNHANDLED);
    duk_push_undefined(ctx); /* the reaction job, made below */
    duk_put_prop_index(ctx, 9, PC_REACTION_JOB);
    duk_push_array(ctx); /* the reaction shape: no prototype, no self key */
    duk_push_null(ctx);
    duk_put_prop_index(ctx, -2, 0);
    duk_push_undefined(ctx);
    duk_put_prop_index(ctx, -2, 1);
    for (i = 0; i < RX_COUNT; i++) {
        duk_push_string(ctx, reaction_keys[i]);
        duk_put_prop_index(ctx, -2, (duk_uarridx_t) (2 + i));
    }
    duk_compact(ctx, -1);
    duk_put_prop_index(ctx, 9, PC_REACTION_SHAPE);
    duk_dup(ctx, 3);
    duk_put_prop_index(ctx, 9, PC_THENABLE_JOB);
    duk_dup(ctx, 4);
    duk_put_prop_index(ctx, 9, PC_RESUME_ASYNC);
    duk_dup(ctx, 5);
    duk_put_prop_index(ctx, 9, PC_PROMISE);
    duk_push_array(ctx); /* the promise shape: %Promise.prototype%, SELF, then STATE and the rest */
    duk_get_prop_string(ctx, 5, "prototype");
    duk_put_prop_index(ctx, -2, 0);
    for (i = 0; i < 5; i++) {
        duk_get_prop_index(ctx, 0, (duk_uarridx_t) i);
        duk_put_prop_index(ctx, -2, (duk_uarridx_t) (1 + i));
    }
    duk_compact(ctx, -1);
    duk_put_prop_index(ctx, 9, PC_PROMISE_SHAPE);
    duk_dup(ctx, 6);
    duk_put_prop_index(ctx, 9, PC_ASYNC_FULFILLED);
    duk_dup(ctx, 7);
    duk_put_prop_index(ctx, 9, PC_ASYNC_REJECTED);
    duk_push_undefined(ctx); /* setCoroutines sets these two */
    duk_put_prop_index(ctx, 9, PC_CO_SHAPE);
    duk_push_undefined(ctx);
    duk_put_prop_index(ctx, 9, PC_CO_STARTER);
    duk_push_array(ctx);
    duk_put_prop_index(ctx, 9, PC_CO_FREE);
    duk_push_undefined(ctx);
    duk_put_prop_index(ctx, 9, PC_CONTEXT);
    duk_push_false(ctx);
    duk_put_prop_index(ctx, 9, PC_CONTEXT_USED);
    duk_push_undefined(ctx); /* contextJob, made below */
    duk_put_prop_index(ctx, 9, PC_CONTEXT_JOB);
    duk_compact(ctx, 9);
    pc_function(thr, promise_settle, 2, 1, "fulfill");
    pc_function(thr, promise_settle, 2, 2, "reject");
    pc_function(thr, promise_resolve, 2, 0, "resolve");
    pc_function(thr, promise_perform_then, 5, 0, "performThen");
    pc_function(thr, promise_reaction_job, 1, 0, "reactionJob");
    pc_function(thr, promise_await, 2, 0, "awaitValue");
    pc_function(thr, promise_set_coroutines, 2, 0, "setCoroutines");
    pc_function(thr, promise_co_run, 3, 0, "coRun");
    pc_function(thr, promise_co_settle, 2, 0, "coResolve");
    pc_function(thr, promise_co_settle, 2, 2, "coReject");
    pc_function(thr, promise_context_job, 1, 0, "contextJob");
    pc_function(thr, promise_context, 0, 0, "getContext");
    pc_function(thr, promise_context, 1, 1, "setContext");
    duk_get_prop_string(ctx, 8, "reactionJob");
    duk_put_prop_index(ctx, 9, PC_REACTION_JOB);
    duk_get_prop_string(ctx, 8, "contextJob");
    duk_put_prop_index(ctx, 9, PC_CONTEXT_JOB);
    duk_pop(ctx);
    return 1;
}

void fcw_duk_put_slot(duk_context *ctx, duk_idx_t obj_idx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_hstring *key;

    obj_idx = duk_require_normalize_index(ctx, obj_idx);
    key = duk_require_hstring(thr, -1);
    duk_swap_top(ctx, -2); /* [... key value]: the key held while it is written */
    slot_set(thr, obj_idx, key);
    duk_pop(ctx);
}

void fcw_duk_put_hidden(duk_context *ctx, duk_idx_t obj_idx, const char *key)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_hobject *obj;

    obj_idx = duk_require_normalize_index(ctx, obj_idx);
    obj = duk_require_hobject(thr, obj_idx);
    duk_push_string(ctx, key);
    duk_swap_top(ctx, -2);
    duk_hobject_define_property_internal(thr, obj, duk_known_hstring(thr, -2), DUK_PROPDESC_FLAGS_WC);
    duk_pop(ctx);
}

/* Whether the entry slot i of obj is a key that Object.keys lists: a
 * string (no symbol), enumerable; -1 for a slot that keeps the object off
 * the plain path (an array index, an enumerable accessor). */
static int plain_entry(duk_hthread *thr, duk_hobject *obj, duk_uint32_t i)
{
    duk_hstring *key = DUK_HOBJECT_E_GET_KEY(thr->heap, obj, i);

    if (key == NULL || DUK_HSTRING_HAS_SYMBOL(key) ||
        !(DUK_HOBJECT_E_GET_FLAGS(thr->heap, obj, i) & DUK_PROPDESC_FLAG_ENUMERABLE))
        return 0;
    if (DUK_HSTRING_HAS_ARRIDX(key) || DUK_HOBJECT_E_SLOT_IS_ACCESSOR(thr->heap, obj, i))
        return -1;
    return 1;
}

int fcw_duk_plain_entries(duk_context *ctx, duk_idx_t idx, int entries)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_hobject *obj = duk_get_hobject(thr, idx), *out;
    duk_uint32_t i, n, count = 0, j;
    duk_idx_t base;
    duk_tval *tv;
    int kind;

    if (obj == NULL || DUK_HOBJECT_GET_CLASS_NUMBER(obj) != DUK_HOBJECT_CLASS_OBJECT || DUK_HOBJECT_IS_PROXY(obj) ||
        DUK_HOBJECT_HAS_EXOTIC_BEHAVIOR(obj) || DUK_HOBJECT_HAS_VIRTUAL_PROPERTIES(obj) ||
        DUK_HOBJECT_HAS_ARRAY_PART(obj))
        return 0;
    idx = duk_require_normalize_index(ctx, idx);
    n = DUK_HOBJECT_GET_ENEXT(obj);
    for (i = 0; i < n; i++) {
        kind = plain_entry(thr, obj, i);
        if (kind < 0)
            return 0;
        count += (duk_uint32_t) kind;
    }
    if (count > 100000)
        return 0;
    /* the keys and values on the stack first: making the arrays may
     * collect, which may compact the object's table */
    duk_require_stack(ctx, (duk_idx_t) (2 * count + 4));
    base = duk_get_top(ctx);
    n = DUK_HOBJECT_GET_ENEXT(obj);
    for (i = 0; i < n; i++) {
        if (plain_entry(thr, obj, i) > 0) {
            duk_push_hstring(ctx, DUK_HOBJECT_E_GET_KEY(thr->heap, obj, i));
            duk_push_tval(ctx, DUK_HOBJECT_E_GET_VALUE_TVAL_PTR(thr->heap, obj, i));
        }
    }
    count = (duk_uint32_t) (duk_get_top(ctx) - base) / 2;
    /* arrays made at their size, their slots written in place (each read
     * of the result's base comes after the last allocation) */
    if (entries == FCW_DUK_ENTRIES_FLAT) {
        tv = duk_push_harray_with_size_outptr(thr, 2 * count);
        for (j = 0; j < 2 * count; j++) {
            DUK_TVAL_SET_TVAL(&tv[j], DUK_GET_TVAL_POSIDX(thr, base + (duk_idx_t) j));
            DUK_TVAL_INCREF(thr, &tv[j]);
        }
        duk_insert(ctx, base);
        duk_set_top(ctx, base + 1);
        return 1;
    }
    out = (duk_hobject *) duk_push_harray_with_size(thr, count);
    for (j = 0; j < count; j++) {
        if (entries) {
            tv = duk_push_harray_with_size_outptr(thr, 2);
            DUK_TVAL_SET_TVAL(&tv[0], DUK_GET_TVAL_POSIDX(thr, base + (duk_idx_t) (2 * j)));
            DUK_TVAL_INCREF(thr, &tv[0]);
            DUK_TVAL_SET_TVAL(&tv[1], DUK_GET_TVAL_POSIDX(thr, base + (duk_idx_t) (2 * j + 1)));
            DUK_TVAL_INCREF(thr, &tv[1]);
        } else {
            duk_dup(ctx, base + (duk_idx_t) (2 * j + 1));
        }
        DUK_TVAL_SET_TVAL_UPDREF(thr, DUK_HOBJECT_A_GET_BASE(thr->heap, out) + j, thr->valstack_top - 1);
        duk_pop(ctx);
    }
    duk_insert(ctx, base); /* (with no entries, base is the result itself) */
    duk_set_top(ctx, base + 1);
    return 1;
}

/* The string of these bytes if it exists: Duktape interns every string,
 * so one that is not in its table is no object's key. Nothing is
 * allocated, and no reference taken. */
static duk_hstring *existing_string(duk_heap *heap, const duk_uint8_t *str, duk_uint32_t blen)
{
    duk_uint32_t strhash = duk_heap_hashstring(heap, str, (duk_size_t) blen);
    duk_hstring *h = heap->strtable[strhash & heap->st_mask];

    for (; h != NULL; h = h->hdr.h_next) {
        if (DUK_HSTRING_GET_HASH(h) == strhash && DUK_HSTRING_GET_BYTELEN(h) == blen &&
            (blen == 0 || memcmp(str, DUK_HSTRING_GET_DATA(h), blen) == 0))
            return h;
    }
    return NULL;
}

/* obj's own data property named by the C string lit, looked for first at
 * entry index i (where the constructor puts it), or NULL. Inlined, as are
 * the two below: the length of a literal lit is then a constant and its
 * comparison no call (a Map's get or a Set's has -180 instructions). */
static inline __attribute__((always_inline)) duk_tval *own_slot(duk_hthread *thr, duk_hobject *obj, duk_uint32_t i, const char *lit)
{
    duk_uint32_t len = (duk_uint32_t) strlen(lit);
    duk_hstring *key;

    if (i < DUK_HOBJECT_GET_ENEXT(obj)) {
        key = DUK_HOBJECT_E_GET_KEY(thr->heap, obj, i);
        if (key != NULL && DUK_HSTRING_GET_BYTELEN(key) == len && memcmp(DUK_HSTRING_GET_DATA(key), lit, len) == 0)
            return DUK_HOBJECT_E_SLOT_IS_ACCESSOR(thr->heap, obj, i) ? NULL
                                                                     : DUK_HOBJECT_E_GET_VALUE_TVAL_PTR(thr->heap, obj, i);
    }
    key = existing_string(thr->heap, (const duk_uint8_t *) lit, len);
    return key != NULL ? duk_hobject_find_entry_tval_ptr(thr->heap, obj, key) : NULL;
}

/* obj's own data property as own_slot finds it, when it holds an object;
 * else NULL. */
static inline __attribute__((always_inline)) duk_hobject *own_object(duk_hthread *thr, duk_hobject *obj, duk_uint32_t i, const char *lit)
{
    duk_tval *tv = own_slot(thr, obj, i, lit);
    return tv != NULL && DUK_TVAL_IS_OBJECT(tv) ? DUK_TVAL_GET_OBJECT(tv) : NULL;
}

/* The record a collection of js/11-collections.js keeps under the hidden
 * key (first among its own properties), when it is no Proxy and its own
 * first slot, owner, is the collection; else NULL. */
static inline __attribute__((always_inline)) duk_hobject *owned_record(duk_hthread *thr, duk_hobject *self, const char *key)
{
    duk_hobject *record = own_object(thr, self, 0, key);
    if (record == NULL || DUK_HOBJECT_IS_PROXY(record) || own_object(thr, record, 0, "owner") != self)
        return NULL;
    return record;
}

/* A lookup's answer for a key that is not there: get's or has'. */
static void push_absent(duk_context *ctx, int want_value)
{
    if (want_value)
        duk_push_undefined(ctx);
    else
        duk_push_false(ctx);
}

/* The longest key whose hash ("s" + key) is looked up in place; a longer
 * one is concatenated (and interned) as the runtime does. */
#define STORE_KEY_MAX 256

int fcw_duk_store_lookup(duk_context *ctx, duk_idx_t this_idx, duk_idx_t key_idx, const char *store_key, int want_value)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_hobject *self = duk_get_hobject(thr, this_idx), *store, *index, *values;
    duk_hstring *key, *hash;
    duk_tval *tv, *pos;
    duk_double_t p;
    duk_uint8_t bytes[STORE_KEY_MAX + 1];
    duk_uint32_t blen;

    if (self == NULL || DUK_HOBJECT_IS_PROXY(self) || !duk_is_string(ctx, key_idx) || duk_is_symbol(ctx, key_idx))
        return -1;
    store = owned_record(thr, self, store_key);
    if (store == NULL)
        return -1;
    index = own_object(thr, store, 3, "index");
    if (index == NULL || DUK_HOBJECT_IS_PROXY(index) || DUK_HOBJECT_GET_PROTOTYPE(thr->heap, index) != NULL)
        return -1;
    /* the store's hash of a string key: "s" + key (primitiveHash), found
     * in the string table without making it: absent there, it is no key */
    key = duk_known_hstring(thr, key_idx);
    blen = DUK_HSTRING_GET_BYTELEN(key);
    if (blen <= STORE_KEY_MAX) {
        bytes[0] = 's';
        memcpy(bytes + 1, DUK_HSTRING_GET_DATA(key), blen);
        hash = existing_string(thr->heap, bytes, blen + 1);
        pos = hash != NULL ? duk_hobject_find_entry_tval_ptr(thr->heap, index, hash) : NULL;
    } else {
        key_idx = duk_require_normalize_index(ctx, key_idx);
        duk_push_literal(ctx, "s");
        duk_dup(ctx, key_idx);
        duk_concat(ctx, 2);
        pos = duk_hobject_find_entry_tval_ptr(thr->heap, index, duk_known_hstring(thr, -1));
        duk_pop(ctx);
    }
    if (pos == NULL) {
        push_absent(ctx, want_value);
        return 1;
    }
    if (!DUK_TVAL_IS_NUMBER(pos))
        return -1;
    if (!want_value) {
        duk_push_true(ctx);
        return 1;
    }
    p = DUK_TVAL_GET_NUMBER(pos);
    values = own_object(thr, store, 2, "values");
    if (values == NULL || !DUK_HOBJECT_IS_ARRAY(values) || !DUK_HOBJECT_HAS_ARRAY_PART(values) || !(p >= 0) ||
        p >= (duk_double_t) ((duk_harray *) values)->length || p >= (duk_double_t) DUK_HOBJECT_GET_ASIZE(values) ||
        DUK_TVAL_IS_UNUSED(DUK_HOBJECT_A_GET_VALUE_PTR(thr->heap, values, (duk_uint32_t) p)))
        return -1;
    duk_push_tval(ctx, DUK_HOBJECT_A_GET_VALUE_PTR(thr->heap, values, (duk_uint32_t) p));
    return 1;
}

int fcw_duk_weak_lookup(duk_context *ctx, duk_idx_t this_idx, duk_idx_t key_idx, const char *data_key, int want_value)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_hobject *self = duk_get_hobject(thr, this_idx), *data, *key, *cell, *strong;
    duk_tval *tv, *present;

    if (self == NULL || DUK_HOBJECT_IS_PROXY(self))
        return -1;
    data = owned_record(thr, self, data_key);
    if (data == NULL)
        return -1;
    /* a primitive is no key (a symbol one that is held strongly) */
    if (!duk_is_object(ctx, key_idx)) {
        if (duk_is_symbol(ctx, key_idx))
            return -1;
        push_absent(ctx, want_value);
        return 1;
    }
    key = duk_get_hobject(thr, key_idx);
    if (key == NULL || DUK_HOBJECT_IS_PROXY(key))
        return -1; /* a proxy's cell is under another symbol */
    tv = own_slot(thr, data, 1, "symbol");
    if (tv == NULL || !DUK_TVAL_IS_STRING(tv))
        return -1;
    /* the cell: an own data property of the key (an inherited one is
     * another object's, as its owner tells) */
    tv = duk_hobject_find_entry_tval_ptr(thr->heap, key, DUK_TVAL_GET_STRING(tv));
    if (tv != NULL) {
        cell = DUK_TVAL_IS_OBJECT(tv) ? DUK_TVAL_GET_OBJECT(tv) : NULL;
        if (cell == NULL || DUK_HOBJECT_IS_PROXY(cell))
            return -1;
        tv = own_slot(thr, cell, 0, "owner");
        present = own_slot(thr, cell, 1, "present");
        if (tv == NULL || present == NULL || !DUK_TVAL_IS_BOOLEAN(present))
            return -1;
        if (DUK_TVAL_IS_OBJECT(tv) && DUK_TVAL_GET_OBJECT(tv) == key) {
            if (!DUK_TVAL_GET_BOOLEAN(present)) {
                push_absent(ctx, want_value);
                return 1;
            }
            if (!want_value) {
                duk_push_true(ctx);
                return 1;
            }
            tv = own_slot(thr, cell, 2, "value");
            if (tv == NULL)
                return -1;
            duk_push_tval(ctx, tv);
            return 1;
        }
    }
    /* no cell of its own: absent, unless the key cannot carry one (it is
     * then held strongly, by its address) or other keys are held strongly
     * (symbols, keys that were not extensible when set): the JavaScript's */
    if (!DUK_HOBJECT_HAS_EXTENSIBLE(key))
        return -1;
    strong = own_object(thr, data, 4, "strongKeys");
    if (strong == NULL || !DUK_HOBJECT_IS_ARRAY(strong) || ((duk_harray *) strong)->length != 0)
        return -1;
    push_absent(ctx, want_value);
    return 1;
}

int fcw_duk_inherits_getters(duk_context *ctx, duk_idx_t obj_idx, void *proto, void *const *keys,
                             void *const *getters, int n)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_hobject *obj = duk_get_hobject(thr, obj_idx), *p;
    duk_int_t e, h;
    int i;

    if (obj == NULL || DUK_HOBJECT_IS_PROXY(obj))
        return 0;
    p = DUK_HOBJECT_GET_PROTOTYPE(thr->heap, obj);
    if (p == NULL || (void *) p != proto || DUK_HOBJECT_IS_PROXY(p))
        return 0;
    for (i = 0; i < n; i++) {
        duk_hstring *key = (duk_hstring *) keys[i];
        if (duk_hobject_find_entry(thr->heap, obj, key, &e, &h))
            return 0;
        if (!duk_hobject_find_entry(thr->heap, p, key, &e, &h) || !DUK_HOBJECT_E_SLOT_IS_ACCESSOR(thr->heap, p, e) ||
            (void *) DUK_HOBJECT_E_GET_VALUE_GETTER(thr->heap, p, e) != getters[i])
            return 0;
    }
    return 1;
}

/* ---- WeakMap and WeakSet entries that outlive their collection ----
 *
 * js/11-collections.js keeps a WeakMap's (or WeakSet's) entry on its key,
 * under a hidden symbol of the collection's data record ("WeakMap N",
 * "WeakSet N"): the entry goes with the key. When the collection goes
 * first, nothing can read the entry again, but a key that outlives many
 * collections would keep one of each (hono/jsx makes a WeakMap per render
 * over long-lived context objects). After a full collection, every data
 * record left is alive: fcw_duk_weak_sweep walks the heap for their
 * symbols, then, when the string table holds another weak-collection
 * symbol (weak_orphans), deletes every entry under a weak-collection
 * symbol that is not one of them. */
#define WEAK_PROTO_KEY DUK_HIDDEN_SYMBOL("weakDataPrototype")

/* native.weakRegister(proto): the prototype of the data records. */
duk_ret_t fcw_duk_weak_register(duk_context *ctx)
{
    duk_require_object(ctx, 0);
    duk_push_heap_stash(ctx);
    duk_dup(ctx, 0);
    duk_put_prop_literal(ctx, -2, WEAK_PROTO_KEY);
    return 0;
}

static int weak_key_cmp(const void *a, const void *b)
{
    const void *x = *(const void *const *) a, *y = *(const void *const *) b;
    return x < y ? -1 : x > y;
}

/* Whether key is the hidden symbol of a weak collection's data record. */
static int is_weak_symbol(duk_hstring *key)
{
    const duk_uint8_t *p = DUK_HSTRING_GET_DATA(key);

    return DUK_HSTRING_HAS_SYMBOL(key) && DUK_HSTRING_GET_BYTELEN(key) > 9 && p[0] == 0xFF &&
           (memcmp(p + 1, "WeakMap ", 8) == 0 || memcmp(p + 1, "WeakSet ", 8) == 0);
}

/* Appends p to the array *arr of *n items (capacity *cap); 0 when out of
 * memory. */
static int weak_push(void ***arr, size_t *n, size_t *cap, void *p)
{
    if (*n == *cap) {
        size_t ncap = *cap ? 2 * *cap : 64;
        void **na = realloc(*arr, ncap * sizeof **arr);
        if (na == NULL)
            return 0;
        *arr = na;
        *cap = ncap;
    }
    (*arr)[(*n)++] = p;
    return 1;
}

/* Whether the string table holds a weak-collection symbol of no record
 * alive (live: sorted). An entry keeps its symbol alive, so without such a
 * symbol there is no entry to delete, and the walk over every property of
 * every object is skipped: the strings are far fewer than the properties,
 * and only a symbol's bytes are read. */
static int weak_orphans(duk_heap *heap, void **live, size_t nlive)
{
    for (duk_uint32_t i = 0; i < heap->st_size; i++) {
        for (duk_hstring *s = heap->strtable[i]; s != NULL; s = (duk_hstring *) s->hdr.h_next) {
            if (is_weak_symbol(s) && (nlive == 0 || bsearch(&s, live, nlive, sizeof *live, weak_key_cmp) == NULL))
                return 1;
        }
    }
    return 0;
}

void fcw_duk_weak_sweep(duk_context *ctx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_heap *heap = thr->heap;
    duk_hobject *proto;
    duk_heaphdr *h;
    void **live = NULL, **objs = NULL, **keys = NULL;
    size_t nlive = 0, clive = 0, n = 0, cobjs = 0, ckeys = 0, nk = 0, i;
    duk_tval *tv;

    duk_push_heap_stash(ctx);
    tv = own_slot(thr, duk_known_hobject(thr, -1), 0, WEAK_PROTO_KEY);
    proto = tv != NULL && DUK_TVAL_IS_OBJECT(tv) ? DUK_TVAL_GET_OBJECT(tv) : NULL;
    duk_pop(ctx);
    if (proto == NULL)
        return;
    /* the symbols of the records alive */
    for (h = heap->heap_allocated; h != NULL; h = DUK_HEAPHDR_GET_NEXT(heap, h)) {
        duk_hobject *obj = (duk_hobject *) h;

        if (DUK_HEAPHDR_GET_TYPE(h) != DUK_HTYPE_OBJECT || DUK_HOBJECT_GET_PROTOTYPE(heap, obj) != proto)
            continue;
        tv = own_slot(thr, obj, 1, "symbol");
        if (tv != NULL && DUK_TVAL_IS_STRING(tv) && !weak_push(&live, &nlive, &clive, DUK_TVAL_GET_STRING(tv)))
            goto done;
    }
    qsort(live, nlive, sizeof *live, weak_key_cmp);
    if (!weak_orphans(heap, live, nlive))
        goto done;
    /* the entries under any other such symbol, each object held: deleting
     * may free values, and with them objects of the list being walked */
    for (h = heap->heap_allocated; h != NULL; h = DUK_HEAPHDR_GET_NEXT(heap, h)) {
        duk_hobject *obj = (duk_hobject *) h;

        if (DUK_HEAPHDR_GET_TYPE(h) != DUK_HTYPE_OBJECT)
            continue;
        for (duk_uint_fast32_t e = 0; e < DUK_HOBJECT_GET_ENEXT(obj); e++) {
            duk_hstring *key = DUK_HOBJECT_E_GET_KEY(heap, obj, e);

            if (key == NULL || !is_weak_symbol(key) ||
                (nlive > 0 && bsearch(&key, live, nlive, sizeof *live, weak_key_cmp) != NULL))
                continue;
            if (!weak_push(&objs, &n, &cobjs, obj) || !weak_push(&keys, &nk, &ckeys, key)) {
                n = nk;
                goto delete;
            }
            DUK_HOBJECT_INCREF(thr, obj);
        }
    }
delete:
    for (i = 0; i < n; i++) {
        (void) duk_hobject_delprop_raw(thr, (duk_hobject *) objs[i], (duk_hstring *) keys[i], DUK_DELPROP_FLAG_FORCE);
        DUK_HOBJECT_DECREF(thr, (duk_hobject *) objs[i]);
    }
done:
    free(live);
    free(objs);
    free(keys);
}

duk_uint32_t fcw_duk_own_slot_count(duk_context *ctx, duk_idx_t idx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_hobject *obj = duk_get_hobject(ctx, idx);
    duk_uint32_t count = 0;

    for (duk_uint_fast32_t e = 0; obj != NULL && e < DUK_HOBJECT_GET_ENEXT(obj); e++)
        count += DUK_HOBJECT_E_GET_KEY(thr->heap, obj, e) != NULL;
    return count;
}

duk_bool_t fcw_duk_push_varmap_names(duk_context *ctx, duk_idx_t idx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_hobject *obj = duk_get_hobject(ctx, idx);
    duk_hobject *varmap;
    duk_uarridx_t n = 0;

    if (obj == NULL || !DUK_HOBJECT_IS_COMPFUNC(obj) || (varmap = duk_hobject_get_varmap(thr, obj)) == NULL)
        return 0;
    duk_push_array(ctx);
    for (duk_uint_fast32_t e = 0; e < DUK_HOBJECT_GET_ENEXT(varmap); e++) {
        duk_hstring *key = DUK_HOBJECT_E_GET_KEY(thr->heap, varmap, e);
        if (key != NULL) {
            duk_push_hstring(thr, key);
            duk_put_prop_index(ctx, -2, n++);
        }
    }
    return 1;
}

duk_bool_t fcw_duk_push_getvar_names(duk_context *ctx, duk_idx_t idx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_hobject *obj = duk_get_hobject(ctx, idx);
    duk_instr_t *pc, *end;
    duk_tval *consts;
    duk_uarridx_t n = 0;

    if (obj == NULL || !DUK_HOBJECT_IS_COMPFUNC(obj))
        return 0;
    pc = DUK_HCOMPFUNC_GET_CODE_BASE(thr->heap, (duk_hcompfunc *) obj);
    end = DUK_HCOMPFUNC_GET_CODE_END(thr->heap, (duk_hcompfunc *) obj);
    consts = DUK_HCOMPFUNC_GET_CONSTS_BASE(thr->heap, (duk_hcompfunc *) obj);
    duk_push_array(ctx);
    for (; pc < end; pc++) {
        duk_small_uint_t op = (duk_small_uint_t) DUK_DEC_OP(*pc);
        if (op == DUK_OP_GETVAR || op == DUK_OP_CSVAR_CR || op == DUK_OP_CSVAR_CC) {
            duk_push_tval(ctx, consts + (op == DUK_OP_GETVAR ? DUK_DEC_BC(*pc) : DUK_DEC_B(*pc)));
            duk_put_prop_index(ctx, -2, n++);
        }
    }
    return 1;
}

int fcw_duk_is_strict(duk_context *ctx, duk_idx_t idx)
{
    duk_hobject *obj = duk_get_hobject(ctx, idx);
    if (obj == NULL || !DUK_HOBJECT_IS_COMPFUNC(obj))
        return -1;
    return DUK_HOBJECT_HAS_STRICT(obj) ? 1 : 0;
}

int fcw_duk_creates_arguments(duk_context *ctx, duk_idx_t idx)
{
    duk_hobject *obj = duk_get_hobject(ctx, idx);
    if (obj == NULL || !DUK_HOBJECT_IS_COMPFUNC(obj))
        return -1;
    return DUK_HOBJECT_HAS_CREATEARGS(obj) ? 1 : 0;
}

/* ---- class fields ---- */

int fcw_duk_define_new_field(duk_context *ctx, duk_idx_t obj_idx, duk_idx_t key_idx, duk_idx_t value_idx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_hobject *obj = duk_get_hobject(ctx, obj_idx);
    duk_hstring *key;
    duk_int_t e, h;

    if (obj == NULL || !duk_is_string(ctx, key_idx) || DUK_HOBJECT_HAS_EXOTIC_BEHAVIOR(obj) ||
        !DUK_HOBJECT_HAS_EXTENSIBLE(obj))
        return 0;
    key = duk_known_hstring(thr, key_idx);
    if ((DUK_HOBJECT_HAS_ARRAY_PART(obj) && DUK_HSTRING_HAS_ARRIDX(key)) ||
        duk_hobject_find_entry(thr->heap, obj, key, &e, &h))
        return 0;
    duk_dup(ctx, value_idx);
    duk_hobject_define_property_internal(thr, obj, key, DUK_PROPDESC_FLAGS_WEC);
    return 1;
}

/* Whether ctor's own data `prototype`, an object, is on obj's prototype
 * chain (obj itself not compared), walked in place: 1 or 0; -1 where the
 * walk cannot tell (obj or ctor a proxy, a proxy on the chain, whose
 * getPrototypeOf trap would run; `prototype` no object or an accessor). */
static int chain_has_prototype(duk_hthread *thr, duk_hobject *obj, duk_hobject *ctor)
{
    duk_hobject *proto;
    duk_tval *tv;
    int sanity = 10000;

    if (DUK_HOBJECT_IS_PROXY(obj) || DUK_HOBJECT_IS_PROXY(ctor))
        return -1;
    tv = duk_hobject_find_entry_tval_ptr(thr->heap, ctor, DUK_HTHREAD_STRING_PROTOTYPE(thr));
    if (tv == NULL || !DUK_TVAL_IS_OBJECT(tv))
        return -1;
    proto = DUK_TVAL_GET_OBJECT(tv);
    for (obj = DUK_HOBJECT_GET_PROTOTYPE(thr->heap, obj); obj != NULL; obj = DUK_HOBJECT_GET_PROTOTYPE(thr->heap, obj)) {
        if (obj == proto)
            return 1;
        if (DUK_HOBJECT_IS_PROXY(obj) || sanity-- <= 0)
            return -1;
    }
    return 0;
}

int fcw_duk_made_by(duk_context *ctx, duk_idx_t obj_idx, duk_idx_t ctor_idx)
{
    duk_hobject *obj = duk_get_hobject(ctx, obj_idx), *ctor = duk_get_hobject(ctx, ctor_idx);

    return obj != NULL && ctor != NULL && chain_has_prototype((duk_hthread *) ctx, obj, ctor) > 0;
}

/* What `value instanceof ctor` answers (§13.10.2 InstanceofOperator),
 * 1 or 0, found without a call when the operator would come down to
 * Duktape's OrdinaryHasInstance: ctor an object that is neither a proxy
 * nor bound, with no own [Symbol.hasInstance] on it or on its chain up to
 * Function.prototype (whose own is the built-in one, neither writable nor
 * configurable), and a value that is a primitive (never an instance, its
 * `prototype` not read), or an object whose chain has no proxy, the
 * constructor's own data `prototype` an object (chain_has_prototype, as
 * fcw_duk_made_by; the guard of lib/api_fastpath.c takes proxies). -1 for anything
 * else: the operator itself decides (and throws what it throws). */
int fcw_duk_instanceof_plain(duk_context *ctx, duk_idx_t value_idx, duk_idx_t ctor_idx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_tval *tv = duk_get_tval(ctx, ctor_idx);
    duk_hobject *ctor, *c, *fproto = thr->builtins[DUK_BIDX_FUNCTION_PROTOTYPE];
    duk_hstring *has_instance = DUK_HTHREAD_STRING_WELLKNOWN_SYMBOL_HAS_INSTANCE(thr);
    duk_int_t e_idx, h_idx;
    int sanity = 10000;

    if (tv == NULL || !DUK_TVAL_IS_OBJECT(tv))
        return -1;
    ctor = DUK_TVAL_GET_OBJECT(tv);
    if (!DUK_HOBJECT_IS_CALLABLE(ctor) || DUK_HOBJECT_HAS_BOUNDFUNC(ctor))
        return -1;
    for (c = ctor; c != fproto; c = DUK_HOBJECT_GET_PROTOTYPE(thr->heap, c)) {
        if (c == NULL || DUK_HOBJECT_IS_PROXY(c) || sanity-- <= 0)
            return -1;
        if (duk_hobject_find_entry(thr->heap, c, has_instance, &e_idx, &h_idx))
            return -1;
    }
    tv = duk_get_tval(ctx, value_idx);
    if (tv == NULL)
        return -1;
    switch (DUK_TVAL_GET_TAG(tv)) {
    case DUK_TAG_OBJECT:
        return chain_has_prototype(thr, DUK_TVAL_GET_OBJECT(tv), ctor);
    case DUK_TAG_LIGHTFUNC:
    case DUK_TAG_BUFFER:
    case DUK_TAG_POINTER:
        return -1;
    default:
        return 0; /* a primitive, never an instance: `prototype` is not read */
    }
}

/* ---- the step of a lowered for-of ---- */

/* The step function's configuration (its internal value slot):
 * %ArrayIteratorPrototype% and its original next, the array iterator's
 * slot keys (js/12-builtins.js), the key under which an iterator keeps the
 * result object its steps reuse, "next" and "done", and the shape of a
 * result (record makers'). */
enum { IS_PROTO, IS_NEXT_FN, IS_ITERATED, IS_NEXT_INDEX, IS_KIND, IS_RESULT, IS_NEXT, IS_DONE, IS_RESULT_SHAPE, IS_COUNT };

#define IS_KIND_VALUES 1

static duk_tval *is_item(duk_hthread *thr, duk_hobject *config, int i)
{
    return DUK_HOBJECT_A_GET_BASE(thr->heap, config) + i;
}

static duk_hstring *is_key(duk_hthread *thr, duk_hobject *config, int i)
{
    return DUK_TVAL_GET_STRING(is_item(thr, config, i));
}

/* The value slot of obj's own data property key, looked for first at
 * entry index i (where the record makers put it), or NULL. */
static duk_tval *is_slot(duk_hthread *thr, duk_hobject *obj, duk_uint32_t i, duk_hstring *key)
{
    if (i < DUK_HOBJECT_GET_ENEXT(obj) && DUK_HOBJECT_E_GET_KEY(thr->heap, obj, i) == key &&
        !DUK_HOBJECT_E_SLOT_IS_ACCESSOR(thr->heap, obj, i))
        return DUK_HOBJECT_E_GET_VALUE_TVAL_PTR(thr->heap, obj, i);
    return duk_hobject_find_entry_tval_ptr(thr->heap, obj, key);
}

/* Writes the value on top into the own data property at tv, and pops it. */
static void is_write(duk_hthread *thr, duk_tval *tv)
{
    DUK_TVAL_SET_TVAL_UPDREF(thr, tv, thr->valstack_top - 1);
    duk_pop(thr);
}

/* Whether it.next, for the object it, is the original next of the array
 * iterator: it has no own next, and its prototype is
 * %ArrayIteratorPrototype%, whose own next is a data property holding it. */
static int is_original_next(duk_hthread *thr, duk_hobject *config, duk_hobject *it)
{
    duk_hobject *proto = DUK_HOBJECT_GET_PROTOTYPE(thr->heap, it);
    duk_hstring *next = is_key(thr, config, IS_NEXT);
    duk_int_t e, h;
    duk_tval *tv;

    if (DUK_HOBJECT_IS_PROXY(it) || proto != DUK_TVAL_GET_OBJECT(is_item(thr, config, IS_PROTO)) ||
        duk_hobject_find_entry(thr->heap, it, next, &e, &h))
        return 0;
    tv = duk_hobject_find_entry_tval_ptr(thr->heap, proto, next);
    return tv != NULL && DUK_TVAL_IS_OBJECT(tv) &&
           DUK_TVAL_GET_OBJECT(tv) == DUK_TVAL_GET_OBJECT(is_item(thr, config, IS_NEXT_FN));
}

/* The in-place step of the array iterator at index 0 (values kind) over
 * an array with an array part: pushes the result and returns 1; 0 (nothing
 * pushed) for any other iterator. */
static int is_array_step(duk_hthread *thr, duk_hobject *config)
{
    duk_hobject *it = duk_known_hobject(thr, 0), *arr, *res;
    duk_tval *kind, *iterated, *index, *result, *value, *done;
    duk_uint32_t i;

    kind = is_slot(thr, it, 2, is_key(thr, config, IS_KIND));
    iterated = is_slot(thr, it, 0, is_key(thr, config, IS_ITERATED));
    index = is_slot(thr, it, 1, is_key(thr, config, IS_NEXT_INDEX));
    if (kind == NULL || iterated == NULL || index == NULL || !DUK_TVAL_IS_NUMBER(kind) ||
        DUK_TVAL_GET_NUMBER(kind) != IS_KIND_VALUES || !DUK_TVAL_IS_NUMBER(index))
        return 0;
    arr = DUK_TVAL_IS_OBJECT(iterated) ? DUK_TVAL_GET_OBJECT(iterated) : NULL;
    if (!DUK_TVAL_IS_UNDEFINED(iterated) &&
        (arr == NULL || !DUK_HOBJECT_IS_ARRAY(arr) || !DUK_HOBJECT_HAS_ARRAY_PART(arr)))
        return 0;
    result = is_slot(thr, it, 3, is_key(thr, config, IS_RESULT));
    if (result == NULL || DUK_TVAL_IS_UNDEFINED(result)) {
        /* the first step: the iterator's result object, in the slot the
         * runtime's array iterators are made with (written as an internal
         * slot: a frozen iterator steps too), or in a new property */
        if (result == NULL && !DUK_HOBJECT_HAS_EXTENSIBLE(it))
            return 0;
        (void) push_record(thr, DUK_TVAL_GET_OBJECT(is_item(thr, config, IS_RESULT_SHAPE)), 0, 0);
        /* the allocation may have moved the iterator's slots */
        result = is_slot(thr, it, 3, is_key(thr, config, IS_RESULT));
        if (result != NULL) {
            is_write(thr, result);
        } else {
            duk_push_hstring(thr, is_key(thr, config, IS_RESULT));
            duk_dup(thr, -2);
            duk_def_prop(thr, 0, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WRITABLE);
            duk_pop(thr);
        }
        return is_array_step(thr, config);
    }
    if (!DUK_TVAL_IS_OBJECT(result))
        return 0;
    res = DUK_TVAL_GET_OBJECT(result);
    value = is_slot(thr, res, 0, DUK_HTHREAD_STRING_VALUE(thr));
    done = is_slot(thr, res, 1, is_key(thr, config, IS_DONE));
    if (value == NULL || done == NULL)
        return 0;
    /* the iterator's slots are written as internal slots are (a frozen
     * iterator steps, as in the specification), the value last: releasing
     * the previous value may free it */
    duk_push_tval(thr, result); /* 1: the result */
    if (arr == NULL || DUK_TVAL_GET_NUMBER(index) >= (duk_double_t) ((duk_harray *) arr)->length) {
        duk_push_true(thr);
        is_write(thr, done);
        if (arr != NULL) {
            duk_push_hobject(thr, arr); /* 2: kept until the value is written */
            duk_push_undefined(thr);
            is_write(thr, iterated);
        }
        duk_push_undefined(thr);
        is_write(thr, value);
        duk_set_top(thr, 2);
        return 1;
    }
    i = (duk_uint32_t) DUK_TVAL_GET_NUMBER(index);
    duk_push_uint(thr, i + 1);
    is_write(thr, index);
    if (i < DUK_HOBJECT_GET_ASIZE(arr) && !DUK_TVAL_IS_UNUSED(DUK_HOBJECT_A_GET_VALUE_PTR(thr->heap, arr, i))) {
        duk_push_tval(thr, DUK_HOBJECT_A_GET_VALUE_PTR(thr->heap, arr, i));
    } else {
        /* a hole: the prototype chain answers (a getter may run, and
         * move the result's slots) */
        duk_push_hobject(thr, arr);
        duk_get_prop_index(thr, -1, i);
        duk_remove(thr, -2);
        res = duk_known_hobject(thr, 1);
        value = is_slot(thr, res, 0, DUK_HTHREAD_STRING_VALUE(thr));
        done = is_slot(thr, res, 1, is_key(thr, config, IS_DONE));
        if (value == NULL || done == NULL)
            return duk_error(thr, DUK_ERR_TYPE_ERROR, "iterator result lost its slots");
    }
    DUK_TVAL_SET_BOOLEAN_UPDREF(thr, done, 0);
    is_write(thr, value);
    return 1;
}

/* step(iterator): what a lowered for-of's `iterator.next()` does, with the
 * runtime's array iterator over an array stepped in place: its slots are
 * read and written where they are, and its result object is one per
 * iterator, reused (the lowering reads done and value at once and keeps
 * the object nowhere). Anything else is `iterator.next()`, whose result
 * must be an object (IteratorNext). */
static duk_ret_t iter_step(duk_context *ctx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_hobject *config = own_value_array(thr, IS_COUNT);

    if (config == NULL)
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "not an iterator step");
    duk_set_top(ctx, 1);
    if (duk_is_object(ctx, 0) && is_original_next(thr, config, duk_known_hobject(thr, 0)) &&
        is_array_step(thr, config))
        return 1;
    duk_push_tval(thr, is_item(thr, config, IS_NEXT));
    duk_get_prop(ctx, 0); /* throws for undefined and null */
    duk_dup(ctx, 0);
    duk_call_method(ctx, 0);
    if (!duk_is_object(ctx, -1))
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "iterator result %s is not an object", duk_safe_to_string(ctx, -1));
    return 1;
}

duk_ret_t fcw_duk_iter_step_maker(duk_context *ctx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_idx_t i;

    duk_set_top(ctx, 3);
    if (!duk_is_object(ctx, 0) || !duk_is_function(ctx, 1) || !duk_is_array(ctx, 2) ||
        duk_get_length(ctx, 2) != IS_NEXT - IS_ITERATED)
        return duk_error(ctx, DUK_ERR_TYPE_ERROR,
                         "iterStep: the array iterator's prototype, its next and four slot keys");
    duk_push_c_function(ctx, iter_step, 1);
    make_non_constructor(thr, duk_known_hobject(thr, -1));
    duk_push_array(ctx);
    duk_dup(ctx, 0);
    duk_put_prop_index(ctx, -2, IS_PROTO);
    duk_dup(ctx, 1);
    duk_put_prop_index(ctx, -2, IS_NEXT_FN);
    for (i = 0; i < IS_NEXT - IS_ITERATED; i++) {
        duk_get_prop_index(ctx, 2, (duk_uarridx_t) i);
        if (!duk_is_symbol(ctx, -1) && !duk_is_string(ctx, -1))
            return duk_error(ctx, DUK_ERR_TYPE_ERROR, "iterStep: slot key %ld", (long) i);
        duk_put_prop_index(ctx, -2, (duk_uarridx_t) (IS_ITERATED + i));
    }
    duk_push_literal(ctx, "next");
    duk_put_prop_index(ctx, -2, IS_NEXT);
    duk_push_literal(ctx, "done");
    duk_put_prop_index(ctx, -2, IS_DONE);
    duk_push_array(ctx); /* the result's shape: Object.prototype, no self key, value, done */
    duk_push_object(ctx);
    duk_get_prototype(ctx, -1);
    duk_remove(ctx, -2);
    duk_put_prop_index(ctx, -2, 0);
    duk_push_undefined(ctx);
    duk_put_prop_index(ctx, -2, 1);
    duk_push_literal(ctx, "value");
    duk_put_prop_index(ctx, -2, 2);
    duk_push_literal(ctx, "done");
    duk_put_prop_index(ctx, -2, 3);
    duk_compact(ctx, -1);
    duk_put_prop_index(ctx, -2, IS_RESULT_SHAPE);
    duk_compact(ctx, -1);
    duk_hobject_define_property_internal(thr, duk_known_hobject(thr, -2), DUK_HTHREAD_STRING_INT_VALUE(thr), 0);
    return 1;
}

/* ---- whether a lowered for-of may index an array ---- */

/* The test's configuration (its internal value slot): Array.prototype and
 * its original [Symbol.iterator], %ArrayIteratorPrototype% and its
 * original next, the key Symbol.iterator, "next", and the object the loop
 * keeps as its iterator when it indexes (of prototype
 * %ArrayIteratorPrototype%: closing it finds the `return` a fresh array
 * iterator would). */
enum { IF_ARRAY_PROTO, IF_VALUES_FN, IF_ITER_PROTO, IF_NEXT_FN, IF_ITERATOR_KEY, IF_NEXT, IF_STAND_IN, IF_COUNT };

/* Whether obj's own property key is a data property holding the object
 * in config slot want. */
static int if_own_is(duk_hthread *thr, duk_hobject *obj, duk_hstring *key, duk_tval *want)
{
    duk_tval *tv = duk_hobject_find_entry_tval_ptr(thr->heap, obj, key);

    return tv != NULL && DUK_TVAL_IS_OBJECT(tv) && DUK_TVAL_IS_OBJECT(want) &&
           DUK_TVAL_GET_OBJECT(tv) == DUK_TVAL_GET_OBJECT(want);
}

/* fast(value): the stand-in iterator when iterating value is reading its
 * elements by index up to its length at each step, which is what the
 * array iterator does: value is an Array (no Proxy) of prototype
 * Array.prototype with no own [Symbol.iterator], whose [Symbol.iterator]
 * and %ArrayIteratorPrototype%.next are the original data properties.
 * Otherwise undefined. Reads no property through a getter. */
static duk_ret_t iter_fast(duk_context *ctx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_hobject *config = own_value_array(thr, IF_COUNT), *arr;
    duk_tval *item, *tv;
    duk_int_t e, h;

    if (config == NULL)
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "not an iteration test");
    item = DUK_HOBJECT_A_GET_BASE(thr->heap, config);
    tv = duk_get_tval(ctx, 0);
    if (tv == NULL || !DUK_TVAL_IS_OBJECT(tv))
        return 0;
    arr = DUK_TVAL_GET_OBJECT(tv);
    if (!DUK_HOBJECT_IS_ARRAY(arr) || DUK_HOBJECT_IS_PROXY(arr) || !DUK_TVAL_IS_OBJECT(&item[IF_ARRAY_PROTO]) ||
        DUK_HOBJECT_GET_PROTOTYPE(thr->heap, arr) != DUK_TVAL_GET_OBJECT(&item[IF_ARRAY_PROTO]) ||
        !DUK_TVAL_IS_OBJECT(&item[IF_ITER_PROTO]) || !DUK_TVAL_IS_STRING(&item[IF_ITERATOR_KEY]) ||
        !DUK_TVAL_IS_STRING(&item[IF_NEXT]))
        return 0;
    if (duk_hobject_find_entry(thr->heap, arr, DUK_TVAL_GET_STRING(&item[IF_ITERATOR_KEY]), &e, &h) ||
        !if_own_is(thr, DUK_TVAL_GET_OBJECT(&item[IF_ARRAY_PROTO]), DUK_TVAL_GET_STRING(&item[IF_ITERATOR_KEY]),
                   &item[IF_VALUES_FN]) ||
        !if_own_is(thr, DUK_TVAL_GET_OBJECT(&item[IF_ITER_PROTO]), DUK_TVAL_GET_STRING(&item[IF_NEXT]),
                   &item[IF_NEXT_FN]))
        return 0;
    duk_push_tval(ctx, &item[IF_STAND_IN]);
    return 1;
}

duk_ret_t fcw_duk_iter_fast_maker(duk_context *ctx)
{
    duk_hthread *thr = (duk_hthread *) ctx;

    duk_set_top(ctx, 5);
    if (!duk_is_object(ctx, 0) || !duk_is_function(ctx, 1) || !duk_is_object(ctx, 2) || !duk_is_function(ctx, 3) ||
        !duk_is_symbol(ctx, 4))
        return duk_error(ctx, DUK_ERR_TYPE_ERROR,
                         "iterFast: Array.prototype, its [Symbol.iterator], the array iterator's prototype, its next "
                         "and Symbol.iterator");
    duk_push_c_function(ctx, iter_fast, 1);
    make_non_constructor(thr, duk_known_hobject(thr, -1));
    duk_push_array(ctx);
    for (duk_idx_t i = 0; i < 5; i++) {
        duk_dup(ctx, i);
        duk_put_prop_index(ctx, -2, (duk_uarridx_t) i);
    }
    duk_push_literal(ctx, "next");
    duk_put_prop_index(ctx, -2, IF_NEXT);
    duk_push_object(ctx);
    duk_dup(ctx, 2);
    duk_set_prototype(ctx, -2);
    duk_freeze(ctx, -1);
    duk_put_prop_index(ctx, -2, IF_STAND_IN);
    duk_compact(ctx, -1);
    duk_hobject_define_property_internal(thr, duk_known_hobject(thr, -2), DUK_HTHREAD_STRING_INT_VALUE(thr), 0);
    return 1;
}

/*
 * Date. Duktape's constructor follows ES5: `new Date(value)` takes
 * ToPrimitive(value), the string of a Date, and parses it back, losing the
 * milliseconds; and its string parser reads the ISO format loosely
 * ("+0100" as 100 hours) before the fallback gets the rest. The built-in
 * constructor and Date.parse keep their objects (identity, name, length,
 * prototype, subclassing) but run these instead: a Date argument's time
 * value is copied, a string is read by fcw_date_parse_string (lib/date.c,
 * V8's rules), anything else goes on to Duktape's constructor as before.
 */
static double date_local_to_utc(double local);
static double date_from_local_dparts(duk_double_t *dparts);

double fcw_duk_date_time_value(const struct fcw_date_fields *f)
{
    duk_double_t dparts[DUK_DATE_IDX_NUM_PARTS];

    dparts[DUK_DATE_IDX_YEAR] = (duk_double_t) f->year;
    dparts[DUK_DATE_IDX_MONTH] = (duk_double_t) f->month;
    dparts[DUK_DATE_IDX_DAY] = (duk_double_t) (f->day - 1); /* zero-based here */
    dparts[DUK_DATE_IDX_HOUR] = (duk_double_t) f->hour;
    dparts[DUK_DATE_IDX_MINUTE] = (duk_double_t) f->minute;
    dparts[DUK_DATE_IDX_SECOND] = (duk_double_t) f->second;
    dparts[DUK_DATE_IDX_MILLISECOND] = (duk_double_t) f->millisecond;
    dparts[DUK_DATE_IDX_WEEKDAY] = 0.0;
    if (f->has_offset) {
        /* unnormalised minutes are fine; the clip comes after the offset */
        dparts[DUK_DATE_IDX_MINUTE] -= (duk_double_t) f->offset_minutes;
        return duk_bi_date_get_timeval_from_dparts(dparts, 0);
    }
    return duk__timeclip(date_local_to_utc(date_from_local_dparts(dparts)));
}

/* The time value of a string, NaN when it is no date. */
static void date_push_parsed(duk_hthread *thr, const char *str)
{
    if (!fcw_date_parse_string(thr, str))
        duk_push_nan(thr);
}

/*
 * Local time to UTC as V8 does it (ES2024 §21.4.1.26 UTC(t) with the
 * "compatible" disambiguation): a local time that happens twice (the hour
 * a fall-back repeats) is its earlier instant, one that never happens (the
 * hour a spring-forward skips) is read with the offset before the
 * transition (02:30 becomes 03:30 summer time). Duktape's own conversion
 * iterates from the local time read as UTC and so lands on the later
 * instant east of UTC and on the hour before a gap. `local` is the local
 * fields as a time value read as UTC; the offsets are
 * fcw_date_local_tzoffset's (lib/date.c), from a day before and a day
 * after, so that a transition near it is seen.
 */
static double date_local_to_utc(double local)
{
    duk_int_t before, after;
    double t;

    if (!DUK_ISFINITE(local))
        return local;
    before = fcw_date_local_tzoffset(local - 86400000.0);
    t = local - before * 1000.0;
    if (fcw_date_local_tzoffset(t) == before)
        return t;
    after = fcw_date_local_tzoffset(local + 86400000.0);
    if (after != before && fcw_date_local_tzoffset(local - after * 1000.0) == after)
        return local - after * 1000.0;
    return t; /* in a gap: the offset before it */
}

/* MakeDate(MakeDay(year, month, day), MakeTime(hour, minute, second, ms))
 * of the parts (day zero-based), not yet clipped: the clip comes after the
 * offset, as in the spec. */
static double date_from_local_dparts(duk_double_t *dparts)
{
    duk_double_t time, day;
    int i;

    for (i = 0; i <= DUK_DATE_IDX_MILLISECOND; i++) {
        if (DUK_ISFINITE(dparts[i]))
            dparts[i] = duk_js_tointeger_number(dparts[i]);
    }
    time = 0.0;
    time += dparts[DUK_DATE_IDX_HOUR] * (duk_double_t) DUK_DATE_MSEC_HOUR;
    time += dparts[DUK_DATE_IDX_MINUTE] * (duk_double_t) DUK_DATE_MSEC_MINUTE;
    time += dparts[DUK_DATE_IDX_SECOND] * (duk_double_t) DUK_DATE_MSEC_SECOND;
    time += dparts[DUK_DATE_IDX_MILLISECOND];
    day = duk__make_day(dparts[DUK_DATE_IDX_YEAR], dparts[DUK_DATE_IDX_MONTH], dparts[DUK_DATE_IDX_DAY]);
    return day * (duk_double_t) DUK_DATE_MSEC_DAY + time;
}

/* The part setters of Date.prototype (setHours, setUTCDate, setFullYear,
 * setYear, ...): Duktape's part setter with the conversion above for the
 * local ones, and as the spec has them where Duktape's kept ES5's ways:
 * the first argument is converted even when it is missing (so setHours()
 * makes the Date invalid, as ToNumber(undefined) is NaN; Duktape left it
 * as it was), then each other one the call passes, in order, also for an
 * invalid date, which stays invalid but for setFullYear, setUTCFullYear
 * and setYear, which start from +0 then (not from the local time of +0,
 * as Duktape's did); setYear is local time (Annex B.2.4.2), where
 * Duktape set the UTC year; the time value is never -0. */
static duk_ret_t date_set_part(duk_hthread *thr)
{
    duk_small_uint_t flags = duk__date_get_indirect_magic(thr);
    duk_small_uint_t maxnargs = flags >> DUK_DATE_FLAG_VALUE_SHIFT;
    int local = (flags & (DUK_DATE_FLAG_LOCALTIME | DUK_DATE_FLAG_YEAR_FIXUP)) != 0;
    duk_idx_t nargs;
    duk_int_t parts[DUK_DATE_IDX_NUM_PARTS];
    duk_double_t dparts[DUK_DATE_IDX_NUM_PARTS];
    duk_small_uint_t first, i;
    double d, t;

    if (duk_get_top(thr) == 0)
        duk_push_undefined(thr); /* the first argument is always read */
    nargs = duk_get_top(thr);
    d = duk__push_this_get_timeval(thr, 0); /* [ args this ] */
    if (DUK_ISNAN(d)) {
        if (flags & DUK_DATE_FLAG_NAN_TO_ZERO)
            d = 0.0;
    } else if (local) {
        d += fcw_date_local_tzoffset(d) * 1000.0;
    }
    if (DUK_ISFINITE(d))
        duk_bi_date_timeval_to_parts(d, parts, dparts, flags);
    else
        memset(dparts, 0, sizeof(dparts)); /* only written */
    if (flags & DUK_DATE_FLAG_TIMESETTER)
        first = DUK_DATE_IDX_MILLISECOND - (maxnargs - 1);
    else
        first = DUK_DATE_IDX_DAY - (maxnargs - 1);
    for (i = 0; i < maxnargs && (duk_idx_t) i < nargs; i++) {
        duk_small_uint_t idx = first + i;
        if (idx == DUK_DATE_IDX_YEAR && (flags & DUK_DATE_FLAG_YEAR_FIXUP))
            duk__twodigit_year_fixup(thr, (duk_idx_t) i);
        dparts[idx] = duk_to_number(thr, (duk_idx_t) i);
        if (idx == DUK_DATE_IDX_DAY)
            dparts[idx] -= 1.0; /* zero-based here */
    }
    if (!DUK_ISFINITE(d)) {
        duk_push_nan(thr); /* the Date is left as it is (a valueOf may have set it) */
        return 1;
    }
    t = date_from_local_dparts(dparts);
    t = duk__timeclip(local ? date_local_to_utc(t) : t) + 0.0;
    duk_push_number(thr, t);
    duk_dup_top(thr);
    /* written even when the Date is frozen, as Duktape's setters do */
    duk_xdef_prop_stridx_short(thr, -3, DUK_STRIDX_INT_VALUE, DUK_PROPDESC_FLAGS_W);
    return 1;
}

/* Date.prototype.setTime: TimeClip, which makes -0 +0. */
static duk_ret_t date_set_time(duk_hthread *thr)
{
    double t;
    (void) duk__push_this_get_timeval(thr, 0); /* the receiver is checked first */
    t = duk__timeclip(duk_to_number(thr, 0)) + 0.0;
    duk_push_number(thr, t);
    duk_dup_top(thr);
    duk_xdef_prop_stridx_short(thr, -3, DUK_STRIDX_INT_VALUE, DUK_PROPDESC_FLAGS_W);
    return 1;
}

/* Date.UTC as ES2017 has it: a year alone is enough (Duktape's gave NaN
 * without a month), a missing month is 0, and the year of 0 to 99 is
 * 1900 + it for any number that truncates there (-0.5 too). */
static duk_ret_t date_utc(duk_hthread *thr)
{
    duk_double_t dparts[DUK_DATE_IDX_NUM_PARTS];
    static const double defaults[7] = {0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0};
    duk_idx_t nargs = duk_get_top(thr), i;
    double y;

    for (i = 0; i < 7; i++) {
        double v;
        if (i < nargs)
            v = duk_to_number(thr, i);
        else
            v = i == 0 ? DUK_DOUBLE_NAN : defaults[i]; /* a missing year is ToNumber(undefined) */
        dparts[DUK_DATE_IDX_YEAR + i] = i == 2 ? v - 1.0 : v; /* day zero-based here */
    }
    y = dparts[DUK_DATE_IDX_YEAR];
    if (!DUK_ISNAN(y)) {
        double yi = y < 0 ? ceil(y) : floor(y);
        if (yi >= 0 && yi <= 99)
            dparts[DUK_DATE_IDX_YEAR] = 1900.0 + yi;
    }
    duk_push_number(thr, duk__timeclip(date_from_local_dparts(dparts)) + 0.0);
    return 1;
}

static duk_ret_t date_constructor(duk_hthread *thr)
{
    if (duk_get_top(thr) >= 2 && duk_is_constructor_call(thr)) {
        /* year, month[, day, hours, minutes, seconds, ms] in local time:
         * ToNumber each in order (7 at most), then one time value for
         * Duktape's constructor to clip and keep */
        duk_double_t dparts[DUK_DATE_IDX_NUM_PARTS];
        if (duk_get_top(thr) > 7)
            duk_set_top(thr, 7);
        duk__set_parts_from_args(thr, dparts, duk_get_top(thr));
        duk_push_number(thr, duk__timeclip(date_local_to_utc(date_from_local_dparts(dparts))) + 0.0);
        duk_replace(thr, 0);
        duk_set_top(thr, 1);
    } else if (duk_get_top(thr) == 1 && duk_is_constructor_call(thr)) {
        duk_hobject *h = duk_get_hobject(thr, 0);
        if (h != NULL && DUK_HOBJECT_GET_CLASS_NUMBER(h) == DUK_HOBJECT_CLASS_DATE) {
            /* step 4.b: thisTimeValue(value), no ToPrimitive */
            duk_tval *tv = duk_hobject_find_entry_tval_ptr(thr->heap, h, DUK_HTHREAD_STRING_INT_VALUE(thr));
            if (tv != NULL && DUK_TVAL_IS_NUMBER(tv)) {
                duk_push_number(thr, DUK_TVAL_GET_NUMBER(tv));
                duk_replace(thr, 0);
            }
        } else {
            const char *str;
            duk_to_primitive(thr, 0, DUK_HINT_NONE);
            str = duk_get_string_notsymbol(thr, 0);
            if (str != NULL) {
                date_push_parsed(thr, str);
                duk_replace(thr, 0);
            }
        }
        /* a number now: Duktape's constructor clips it and makes the
         * Date; TimeClip's -0 is +0 */
        if (duk_is_number(thr, 0)) {
            duk_push_number(thr, duk__timeclip(duk_get_number(thr, 0)) + 0.0);
            duk_replace(thr, 0);
        }
    }
    return duk_bi_date_constructor(thr);
}

static duk_ret_t date_parse(duk_hthread *thr)
{
    date_push_parsed(thr, duk_to_string(thr, 0));
    return 1;
}

/*
 * Built-ins whose native function fcworker swaps for its own: the
 * function objects keep their identity, name and length. swap_natives
 * points every native function that is a data property of obj and runs
 * one of the originals at its replacement.
 */
struct native_swap {
    duk_c_function original, replacement;
};

static void swap_natives(duk_hthread *thr, duk_hobject *obj, const struct native_swap *swaps, size_t n)
{
    duk_uint_fast32_t i;
    size_t k;

    if (obj == NULL)
        return;
    for (i = 0; i < DUK_HOBJECT_GET_ENEXT(obj); i++) {
        duk_tval *tv;
        duk_hnatfunc *f;
        if (DUK_HOBJECT_E_GET_KEY(thr->heap, obj, i) == NULL || DUK_HOBJECT_E_SLOT_IS_ACCESSOR(thr->heap, obj, i))
            continue;
        tv = DUK_HOBJECT_E_GET_VALUE_TVAL_PTR(thr->heap, obj, i);
        if (!DUK_TVAL_IS_OBJECT(tv) || !DUK_HOBJECT_IS_NATFUNC(DUK_TVAL_GET_OBJECT(tv)))
            continue;
        f = (duk_hnatfunc *) DUK_TVAL_GET_OBJECT(tv);
        for (k = 0; k < n; k++) {
            if (f->func == swaps[k].original) {
                f->func = swaps[k].replacement;
                break;
            }
        }
    }
}

void fcw_duk_date_install(duk_context *ctx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_hobject *date = thr->builtins[DUK_BIDX_DATE_CONSTRUCTOR];
    static const struct native_swap setters[] = {{duk_bi_date_prototype_set_shared, date_set_part},
                                                 {duk_bi_date_prototype_set_time, date_set_time}};
    static const struct native_swap statics[] = {{duk_bi_date_constructor_parse, date_parse},
                                                 {duk_bi_date_constructor_utc, date_utc}};

    if (date == NULL || !DUK_HOBJECT_IS_NATFUNC(date))
        return;
    if (((duk_hnatfunc *) date)->func == duk_bi_date_constructor)
        ((duk_hnatfunc *) date)->func = date_constructor;
    swap_natives(thr, thr->builtins[DUK_BIDX_DATE_PROTOTYPE], setters, 2);
    swap_natives(thr, date, statics, 2);
    /* Date.prototype is an ordinary object since ES2015, no Date: its
     * methods throw a TypeError for it and toString calls it [object
     * Object] (Duktape's was a Date of NaN that setFullYear could set) */
    if (thr->builtins[DUK_BIDX_DATE_PROTOTYPE] != NULL)
        DUK_HOBJECT_SET_CLASS_NUMBER(thr->builtins[DUK_BIDX_DATE_PROTOTYPE], DUK_HOBJECT_CLASS_OBJECT);
}

/*
 * Reflect.get and Reflect.set (§28.1.5, §28.1.13). Libraries built on
 * proxies call them at every read and write through a proxy (Vue's
 * reactivity: `Reflect.get(target, key, receiver)`, the receiver being the
 * proxy): written in JavaScript, each call made an arguments object (to
 * tell a missing receiver from undefined) and, with a receiver other than
 * the target, a property descriptor object per object of the chain. Here
 * OrdinaryGet walks the chain in place: an own data property answers its
 * value, an accessor calls its getter on the receiver. A proxy met on the
 * way, and every Reflect.set with another receiver or a symbol key, goes to
 * the JavaScript of js/17-proxy.js (its traps and invariants), as does
 * nothing else.
 */
enum { RF_ORDINARY_GET, RF_ORDINARY_SET, RF_DUKTAPE_SET, RF_COUNT };

/* Index 1 (the key) as a property key: a symbol as it is, anything else
 * its string. */
static void reflect_key(duk_hthread *thr)
{
    if (!duk_is_symbol(thr, 1))
        duk_to_string(thr, 1);
}

static duk_ret_t reflect_get(duk_context *ctx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_idx_t nargs = duk_get_top(ctx);
    duk_hobject *config = own_value_array(thr, RF_COUNT);
    duk_hobject *obj;
    duk_hstring *key;
    duk_propdesc desc;
    duk_int_t sanity = DUK_HOBJECT_PROTOTYPE_CHAIN_SANITY;

    if (config == NULL)
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "not Reflect.get");
    duk_set_top(ctx, 3);
    if (!duk_is_object(ctx, 0))
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "Reflect.get called on non-object");
    reflect_key(thr);
    if (nargs < 3 || duk_strict_equals(ctx, 0, 2)) {
        duk_set_top(ctx, 2);
        duk_get_prop(ctx, 0);
        return 1;
    }
    key = duk_known_hstring(thr, 1);
    obj = duk_known_hobject(thr, 0);
    while (obj != NULL) {
        if (DUK_HOBJECT_IS_PROXY(obj)) {
            duk_push_tval(thr, is_item(thr, config, RF_ORDINARY_GET));
            duk_push_undefined(ctx);
            duk_push_hobject(thr, obj);
            duk_dup(ctx, 1);
            duk_dup(ctx, 2);
            duk_call_method(ctx, 3);
            return 1;
        }
        if (duk_hobject_get_own_propdesc(thr, obj, key, &desc, DUK_GETDESC_FLAG_PUSH_VALUE)) {
            if (!(desc.flags & DUK_PROPDESC_FLAG_ACCESSOR))
                return 1;
            if (desc.get == NULL)
                return 0;
            duk_push_hobject(thr, desc.get);
            duk_dup(ctx, 2);
            duk_call_method(ctx, 0);
            return 1;
        }
        obj = DUK_HOBJECT_GET_PROTOTYPE(thr->heap, obj);
        if (--sanity <= 0)
            return duk_error(ctx, DUK_ERR_RANGE_ERROR, "prototype chain limit");
    }
    return 0;
}

static duk_ret_t reflect_set(duk_context *ctx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_idx_t nargs = duk_get_top(ctx);
    duk_hobject *config = own_value_array(thr, RF_COUNT);
    int same;

    if (config == NULL)
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "not Reflect.set");
    duk_set_top(ctx, 4);
    if (!duk_is_object(ctx, 0))
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "Reflect.set called on non-object");
    reflect_key(thr);
    if (nargs < 4) {
        duk_dup(ctx, 0);
        duk_replace(ctx, 3);
    }
    same = duk_strict_equals(ctx, 0, 3) && !duk_is_symbol(ctx, 1);
    duk_push_tval(thr, is_item(thr, config, same ? RF_DUKTAPE_SET : RF_ORDINARY_SET));
    duk_push_undefined(ctx);
    duk_dup(ctx, 0);
    duk_dup(ctx, 1);
    duk_dup(ctx, 2);
    if (same) {
        duk_call_method(ctx, 3);
    } else {
        duk_dup(ctx, 3);
        duk_call_method(ctx, 4);
    }
    return 1;
}

/* native.reflectGetSet(ordinaryGet, ordinarySet, duktapeReflectSet) ->
 * [Reflect.get, Reflect.set] (see above). */
duk_ret_t fcw_duk_reflect_maker(duk_context *ctx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    static const duk_c_function fns[] = {reflect_get, reflect_set};
    int i, j;

    duk_set_top(ctx, RF_COUNT);
    for (i = 0; i < RF_COUNT; i++) {
        if (!duk_is_function(ctx, i))
            return duk_error(ctx, DUK_ERR_TYPE_ERROR, "reflectGetSet: ordinaryGet, ordinarySet, Reflect.set");
    }
    duk_push_array(ctx);
    for (i = 0; i < 2; i++) {
        duk_push_c_function(ctx, fns[i], DUK_VARARGS);
        make_non_constructor(thr, duk_known_hobject(thr, -1));
        duk_push_array(ctx);
        for (j = 0; j < RF_COUNT; j++) {
            duk_dup(ctx, j);
            duk_put_prop_index(ctx, -2, (duk_uarridx_t) j);
        }
        duk_compact(ctx, -1);
        duk_hobject_define_property_internal(thr, duk_known_hobject(thr, -2), DUK_HTHREAD_STRING_INT_VALUE(thr), 0);
        duk_put_prop_index(ctx, -2, (duk_uarridx_t) i);
    }
    return 1;
}

/*
 * native.typedArrayName(x): [[TypedArrayName]] of a typed array (its
 * class, whatever its prototype or @@toStringTag say), 'Uint8Array' for a
 * plain buffer (which acts as one), undefined for anything else. The
 * %TypedArray% methods of js/13-typedarrays.js validate their receiver with
 * it: in JavaScript, through Object.prototype.toString in a try/finally,
 * it was most of a slice() of a few hundred bytes.
 */
/* errorData(value): whether value is an object with [[ErrorData]]
 * (Duktape's Error class: errors of any constructor, subclasses' made
 * through Reflect.construct; and a DOMException, of its class or a
 * subclass, by the mark its constructor sets; not a proxy of one), as
 * Error.isError asks. */
duk_ret_t fcw_duk_error_data(duk_context *ctx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_hobject *obj = duk_get_hobject(thr, 0);
    int yes = 0;

    if (obj != NULL && !DUK_HOBJECT_IS_PROXY(obj)) {
        yes = DUK_HOBJECT_GET_CLASS_NUMBER(obj) == DUK_HOBJECT_CLASS_ERROR;
        if (!yes)
            yes = own_slot(thr, obj, 0, FCW_DOM_EXCEPTION_KEY) != NULL;
    }
    duk_push_boolean(ctx, yes);
    return 1;
}

duk_ret_t fcw_duk_typed_array_name(duk_context *ctx)
{
    static const char *const names[] = {"Int8Array",   "Uint8Array", "Uint8ClampedArray",
                                        "Int16Array",  "Uint16Array", "Int32Array",
                                        "Uint32Array", "Float32Array", "Float64Array"};
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_hobject *obj;
    duk_small_uint_t cls;

    if (duk_is_buffer(ctx, 0)) {
        duk_push_literal(ctx, "Uint8Array");
        return 1;
    }
    obj = duk_get_hobject(thr, 0);
    if (obj == NULL || !DUK_HOBJECT_IS_BUFOBJ(obj))
        return 0;
    cls = DUK_HOBJECT_GET_CLASS_NUMBER(obj);
    if (cls < DUK_HOBJECT_CLASS_INT8ARRAY || cls > DUK_HOBJECT_CLASS_FLOAT64ARRAY)
        return 0;
    duk_push_string(ctx, names[cls - DUK_HOBJECT_CLASS_INT8ARRAY]);
    return 1;
}

/*
 * Array.prototype.shift, unshift and splice on a dense array. Duktape
 * moves the elements one property read and write at a time (~20 ns each),
 * so a queue emptied with shift(), or filled with unshift(), is quadratic
 * in earnest: 10,000 shifts took 0.9 s, 50,000 took 45 s (Node: 4 and
 * 100 ms). An array whose elements [0, length) all sit in its array part
 * (no holes, a writable length) has them moved here with one memmove:
 * every index the operation reads or writes is then an own data property,
 * as the specification's steps see them. Growing the array (unshift, a
 * splice inserting more than it removes) also writes indexes it does not
 * have yet, which an index property of a prototype could intercept: it is
 * done here only for an extensible array whose prototypes are the original
 * Array.prototype (length 0: no index property) and Object.prototype
 * (no index key). Anything else, and arguments that are not numbers (whose
 * conversion could run code), goes to Duktape's own, but for a splice()
 * without arguments, which removes nothing (Duktape's removed everything).
 */

/* The array at idx as a dense array (see above), or NULL. */
static duk_harray *dense_array(duk_hthread *thr, duk_idx_t idx)
{
    duk_hobject *h = duk_get_hobject(thr, idx);
    duk_harray *a;
    duk_tval *base;
    duk_uint32_t i;

    if (h == NULL || !DUK_HOBJECT_IS_ARRAY(h) || !DUK_HOBJECT_HAS_ARRAY_PART(h))
        return NULL;
    a = (duk_harray *) h;
    if (DUK_HARRAY_LENGTH_NONWRITABLE(a) || a->length > DUK_HOBJECT_GET_ASIZE(h))
        return NULL;
    base = DUK_HOBJECT_A_GET_BASE(thr->heap, h);
    for (i = 0; i < a->length; i++) {
        if (DUK_TVAL_IS_UNUSED(base + i))
            return NULL;
    }
    return a;
}

/* Whether writing indexes a dense array does not have yet is an ordinary
 * definition: it is extensible and its prototypes have no index property. */
static int array_may_grow(duk_hthread *thr, duk_harray *a)
{
    duk_hobject *h = (duk_hobject *) a, *ap = thr->builtins[DUK_BIDX_ARRAY_PROTOTYPE],
                *op = thr->builtins[DUK_BIDX_OBJECT_PROTOTYPE];
    duk_uint_fast32_t i;

    if (!DUK_HOBJECT_HAS_EXTENSIBLE(h) || DUK_HOBJECT_GET_PROTOTYPE(thr->heap, h) != ap || ap == NULL ||
        !DUK_HOBJECT_IS_ARRAY(ap) || ((duk_harray *) ap)->length != 0 ||
        DUK_HOBJECT_GET_PROTOTYPE(thr->heap, ap) != op || op == NULL ||
        DUK_HOBJECT_GET_PROTOTYPE(thr->heap, op) != NULL || DUK_HOBJECT_IS_PROXY(op) ||
        (DUK_HOBJECT_HAS_ARRAY_PART(op) && DUK_HOBJECT_GET_ASIZE(op) > 0))
        return 0;
    for (i = 0; i < DUK_HOBJECT_GET_ENEXT(op); i++) {
        duk_hstring *key = DUK_HOBJECT_E_GET_KEY(thr->heap, op, i);
        if (key != NULL && DUK_HSTRING_HAS_ARRIDX(key))
            return 0;
    }
    return 1;
}

/* Makes the dense array at idx (length len) n elements longer, the new
 * ones undefined, and returns it, or NULL if its elements left the array
 * part meanwhile (they do not: appends keep an array dense). */
static duk_harray *grow_dense_array(duk_hthread *thr, duk_idx_t idx, duk_uint32_t len, duk_uint32_t n)
{
    duk_uint32_t i;

    idx = duk_require_normalize_index(thr, idx);
    for (i = 0; i < n; i++) {
        duk_push_undefined(thr);
        duk_put_prop_index(thr, idx, len + i);
    }
    return dense_array(thr, idx);
}

static duk_ret_t array_shift(duk_context *ctx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_harray *a;
    duk_tval *base;
    duk_uint32_t len;

    duk_push_this(ctx);
    a = dense_array(thr, -1);
    if (a == NULL || a->length == 0) {
        duk_pop(ctx);
        return duk_bi_array_prototype_shift(thr);
    }
    len = a->length;
    base = DUK_HOBJECT_A_GET_BASE(thr->heap, (duk_hobject *) a);
    duk_push_tval(thr, base); /* the result, the array's reference now the stack's */
    DUK_TVAL_DECREF_NORZ(thr, base);
    memmove(base, base + 1, (size_t) (len - 1) * sizeof(duk_tval));
    DUK_TVAL_SET_UNUSED(base + len - 1);
    a->length = len - 1;
    return 1;
}

static duk_ret_t array_unshift(duk_context *ctx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_idx_t nargs = duk_get_top(ctx), i;
    duk_harray *a;
    duk_tval *base;
    duk_uint32_t len;

    duk_push_this(ctx);
    a = dense_array(thr, -1);
    if (a == NULL || nargs == 0 || !array_may_grow(thr, a) || a->length > (duk_uint32_t) 0xfffffffeUL - nargs) {
        duk_pop(ctx);
        return duk_bi_array_prototype_unshift(thr);
    }
    len = a->length;
    a = grow_dense_array(thr, -1, len, (duk_uint32_t) nargs);
    if (a == NULL)
        return duk_error(ctx, DUK_ERR_ERROR, "unshift: the array lost its elements' part");
    base = DUK_HOBJECT_A_GET_BASE(thr->heap, (duk_hobject *) a);
    /* the new slots hold undefined, which has no reference to drop */
    memmove(base + nargs, base, (size_t) len * sizeof(duk_tval));
    for (i = 0; i < nargs; i++) {
        DUK_TVAL_SET_TVAL(base + i, DUK_GET_TVAL_POSIDX(thr, i));
        DUK_TVAL_INCREF(thr, base + i);
    }
    duk_push_uint(ctx, (duk_uint_t) (len + (duk_uint32_t) nargs));
    return 1;
}

/* push(...items): Duktape's own writes them into the array part when it
 * has room, and otherwise takes its slow path, a property write per item
 * and one for length, after which the part has grown by an eighth: an
 * array built by push() took the slow path at most pushes while small
 * (3,300 instructions to push two values on an empty array, 900 to make
 * the same array literal). Here a dense enough array (its length within
 * its array part) that may grow (see array_may_grow) gets its part
 * enlarged by half at once, then the items written. */
static duk_ret_t array_push(duk_context *ctx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_idx_t nargs = duk_get_top(ctx), i;
    duk_hobject *h;
    duk_harray *a;
    duk_tval *base;
    duk_uint32_t len, need, size;

    duk_push_this(ctx);
    h = duk_get_hobject(thr, -1);
    if (h == NULL || !DUK_HOBJECT_IS_ARRAY(h) || !DUK_HOBJECT_HAS_ARRAY_PART(h) || DUK_HOBJECT_IS_PROXY(h)) {
        duk_pop(ctx);
        return duk_bi_array_prototype_push(thr);
    }
    a = (duk_harray *) h;
    len = a->length;
    if (len + (duk_uint32_t) nargs <= DUK_HOBJECT_GET_ASIZE(h) || DUK_HARRAY_LENGTH_NONWRITABLE(a) ||
        len > DUK_HOBJECT_GET_ASIZE(h) || len > (duk_uint32_t) 0x7fffffffUL - (duk_uint32_t) nargs ||
        !array_may_grow(thr, a)) {
        /* room enough (Duktape's fast path), or not ours to grow */
        duk_pop(ctx);
        return duk_bi_array_prototype_push(thr);
    }
    need = len + (duk_uint32_t) nargs;
    size = need + need / 2 + 4;
    duk_hobject_realloc_props(thr, h, DUK_HOBJECT_GET_ESIZE(h), size, DUK_HOBJECT_GET_HSIZE(h), 0);
    /* (an allocation may collect, which leaves this array as it is: it is
     * on the stack) */
    if (!DUK_HOBJECT_HAS_ARRAY_PART(h) || DUK_HOBJECT_GET_ASIZE(h) < need || a->length != len)
        return duk_error(ctx, DUK_ERR_ERROR, "push: the array lost its elements' part");
    base = DUK_HOBJECT_A_GET_BASE(thr->heap, h);
    for (i = 0; i < nargs; i++) {
        DUK_TVAL_SET_TVAL(base + len + i, DUK_GET_TVAL_POSIDX(thr, i));
        DUK_TVAL_INCREF(thr, base + len + i);
    }
    a->length = need;
    duk_push_uint(ctx, (duk_uint_t) need);
    return 1;
}

/* splice(start, deleteCount, ...items) */
static duk_ret_t array_splice(duk_context *ctx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_idx_t nargs = duk_get_top(ctx), items, i;
    duk_harray *a;
    duk_tval *base;
    duk_uint32_t len, start, del, newlen;
    duk_double_t d;

    if (nargs == 0) {
        /* no start: nothing removed (§23.1.3.31 step 8; Duktape's own
         * removed everything) */
        duk_push_int(ctx, 0);
        duk_push_int(ctx, 0);
        return duk_bi_array_prototype_splice(thr);
    }
    if (!duk_is_number(ctx, 0) || (nargs >= 2 && !duk_is_number(ctx, 1)))
        return duk_bi_array_prototype_splice(thr);
    duk_push_this(ctx);
    a = dense_array(thr, -1);
    if (a == NULL) {
        duk_pop(ctx);
        return duk_bi_array_prototype_splice(thr);
    }
    len = a->length;
    d = duk_js_tointeger_number(duk_get_number(ctx, 0)); /* ToIntegerOrInfinity */
    start = d < 0 ? (d + (duk_double_t) len < 0 ? 0 : (duk_uint32_t) (d + (duk_double_t) len))
                  : (d > (duk_double_t) len ? len : (duk_uint32_t) d);
    if (nargs == 1) {
        del = len - start;
    } else {
        d = duk_js_tointeger_number(duk_get_number(ctx, 1));
        del = d <= 0 ? 0 : (d > (duk_double_t) (len - start) ? len - start : (duk_uint32_t) d);
    }
    items = nargs > 2 ? nargs - 2 : 0;
    if ((duk_uint32_t) items > del && (!array_may_grow(thr, a) || len > (duk_uint32_t) 0xfffffffeUL - items)) {
        duk_pop(ctx);
        return duk_bi_array_prototype_splice(thr);
    }
    newlen = len - del + (duk_uint32_t) items;
    /* the removed elements, in a new array (read as properties: an
     * allocation may collect and compact, which moves an array part) */
    duk_push_array(ctx);
    for (i = 0; i < (duk_idx_t) del; i++) {
        duk_get_prop_index(ctx, nargs, start + (duk_uarridx_t) i);
        duk_put_prop_index(ctx, -2, (duk_uarridx_t) i);
    }
    a = dense_array(thr, nargs);
    if (a == NULL || a->length != len) {
        duk_set_top(ctx, nargs); /* nothing changed yet */
        return duk_bi_array_prototype_splice(thr);
    }
    if (newlen > len && (a = grow_dense_array(thr, nargs, len, newlen - len)) == NULL)
        return duk_error(ctx, DUK_ERR_ERROR, "splice: the array lost its elements' part");
    base = DUK_HOBJECT_A_GET_BASE(thr->heap, (duk_hobject *) a);
    /* the removed references are the result's now; the slots they leave
     * are overwritten or cleared below */
    for (i = 0; i < (duk_idx_t) del; i++)
        DUK_TVAL_DECREF_NORZ(thr, base + start + i);
    memmove(base + start + items, base + start + del, (size_t) (len - start - del) * sizeof(duk_tval));
    for (i = 0; i < items; i++) {
        DUK_TVAL_SET_TVAL(base + start + i, DUK_GET_TVAL_POSIDX(thr, 2 + i));
        DUK_TVAL_INCREF(thr, base + start + i);
    }
    if (newlen < len) {
        duk_uint32_t k;
        for (k = newlen; k < len; k++)
            DUK_TVAL_SET_UNUSED(base + k);
        a->length = newlen;
    }
    return 1;
}

void fcw_duk_array_install(duk_context *ctx)
{
    static const struct native_swap methods[] = {
        {duk_bi_array_prototype_shift, array_shift},
        {duk_bi_array_prototype_unshift, array_unshift},
        {duk_bi_array_prototype_splice, array_splice},
        {duk_bi_array_prototype_push, array_push},
    };
    duk_hthread *thr = (duk_hthread *) ctx;

    swap_natives(thr, thr->builtins[DUK_BIDX_ARRAY_PROTOTYPE], methods, sizeof methods / sizeof methods[0]);
}

/*
 * Number.prototype.toFixed, toExponential and toPrecision as ES2018 and V8
 * have them: 0 to 100 digits (1 to 100 for toPrecision; Duktape allowed 20
 * and 21 and threw a RangeError above), and the digits of the exact value
 * rounded half up as the spec asks, from the C library's exact decimal
 * expansion (Duktape's own conversion wrote 1e-7.toPrecision(21) as
 * "0.99999999999999995475e-7"). toExponential() without digits keeps
 * Duktape's shortest form.
 */

/* |x| (finite) as printf's "%.*e" or "%.*f" (fmt 'e' or 'f') writes it
 * with `want` digits after the point, but rounded half up, as the spec
 * asks, where the C library rounds an exact tie to even: prints 40 digits
 * more and rounds by them; only when they are "5" and zeros (a tie, or
 * next to one) does the exact expansion decide (a double's has at most
 * 767 significant digits, 1074 after the point). No point is left without
 * a digit after it. Writes the text to out (an "e" part included) and
 * returns its length; 0 if a buffer is short. */
static size_t number_round_half_up(double x, char fmt, int want, char *out, size_t size)
{
    char buf[1200], head[1200];
    const char *spec = fmt == 'e' ? "%.*e" : "%.*f";
    int n, i, j, end, up;
    size_t len, tail;

    x = fabs(x);
    n = snprintf(buf, sizeof buf, spec, want + 40, x);
    if (n <= 0 || (size_t) n >= sizeof buf)
        return 0;
    end = fmt == 'e' ? (int) (strchr(buf, 'e') - buf) : n; /* the digits end */
    i = end - 40;                                               /* the first digit past want */
    up = buf[i] >= '5';
    if (buf[i] == '5' && strspn(buf + i + 1, "0") >= 39) {
        /* rounding to 40 more digits cannot have carried into the digits
         * kept, so the exact text has them at the same place */
        char exact[1200];
        int m = snprintf(exact, sizeof exact, spec, fmt == 'e' ? 780 : 1100, x);
        if (m <= 0 || (size_t) m >= sizeof exact)
            return 0;
        up = exact[i] >= '5'; /* a tie rounds up too */
    }
    len = (size_t) i;
    memcpy(head, buf, len);
    if (head[len - 1] == '.')
        len--;
    head[len] = 0;
    if (up) {
        for (j = (int) len - 1; j >= 0; j--) {
            if (head[j] == '.')
                continue;
            if (head[j] != '9') {
                head[j]++;
                break;
            }
            head[j] = '0';
        }
        if (j < 0) { /* carried out of the first digit */
            memmove(head + 1, head, len + 1);
            head[0] = '1';
            len++;
        }
    }
    tail = fmt == 'e' ? (size_t) (n - end) : 0;
    if (len + tail + 1 > size)
        return 0;
    memcpy(out, head, len);
    memcpy(out + len, buf + end, tail);
    out[len + tail] = 0;
    return len + tail;
}

/* Mantissa digits (no point) and decimal exponent of |x| (finite, not 0)
 * rounded half up to `digits` significant digits. */
static int number_sig_digits(double x, int digits, char *mant)
{
    char text[1200];
    size_t len = number_round_half_up(x, 'e', digits - 1, text, sizeof text);
    char *e = len > 0 ? strchr(text, 'e') : NULL;
    int exp, k = 0;
    if (e == NULL)
        return INT_MIN;
    exp = atoi(e + 1);
    for (char *p = text; p < e; p++) {
        if (*p >= '0' && *p <= '9')
            mant[k++] = *p;
    }
    if (k > digits) { /* 9.99 rounded up to 10.0: one digit more, exponent + 1 */
        k = digits;
        exp++;
    }
    mant[k] = 0;
    return exp;
}

/* ToIntegerOrInfinity of argument 0. */
static double number_digits_argument(duk_hthread *thr)
{
    return duk_js_tointeger_number(duk_to_number(thr, 0));
}

static duk_ret_t number_push_exponential(duk_hthread *thr, const char *sign, const char *mant, int exp)
{
    char buf[160];
    size_t n = strlen(mant);
    snprintf(buf, sizeof buf, "%s%c%s%.*se%c%d", sign, mant[0], n > 1 ? "." : "", (int) (n - 1), mant + 1,
        exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    duk_push_string(thr, buf);
    return 1;
}

static duk_ret_t number_to_fixed(duk_hthread *thr)
{
    double x = duk__push_this_number_plain(thr);
    double f = number_digits_argument(thr);
    char text[1200];

    if (!(f >= 0 && f <= 100))
        return duk_error(thr, DUK_ERR_RANGE_ERROR, "toFixed() digits argument must be between 0 and 100");
    if (!DUK_ISFINITE(x) || fabs(x) >= 1e21) {
        duk_to_string(thr, -1);
        return 1;
    }
    if (f <= 9) {
        /* Where x * 10^f stays below 2^32 its double is within 2^-20 of
         * the exact product, so a fraction more than 1e-5 away from one
         * half is no tie, and the integer nearest to the double is the
         * one nearest to the exact product: toFixed's digits, written
         * here (a tie, or a fraction too close to call, takes the long
         * way below). A price's toFixed(2): 8,400 instructions -> 1,300. */
        static const double pow10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
        int places = (int) f, len = 0, o = 0;
        double t = fabs(x) * pow10[places];
        if (t < 4294967296.0 && fabs(t - floor(t) - 0.5) > 1e-5) {
            unsigned long n = (unsigned long) floor(t + 0.5);
            char rev[24];
            do {
                rev[len++] = (char) ('0' + n % 10);
                n /= 10;
            } while (n != 0);
            while (len < places + 1)
                rev[len++] = '0';
            if (x < 0)
                text[o++] = '-';
            while (len > 0) {
                if (len == places)
                    text[o++] = '.';
                text[o++] = rev[--len];
            }
            duk_push_lstring(thr, text, (duk_size_t) o);
            return 1;
        }
    }
    if (number_round_half_up(x, 'f', (int) f, text, sizeof text) == 0)
        return duk_bi_number_prototype_to_fixed(thr);
    duk_push_string(thr, x < 0 ? "-" : "");
    duk_push_string(thr, text);
    duk_concat(thr, 2);
    return 1;
}

static duk_ret_t number_to_exponential(duk_hthread *thr)
{
    double x, f;
    char mant[128];
    int exp;

    if (duk_is_undefined(thr, 0))
        return duk_bi_number_prototype_to_exponential(thr); /* the shortest form */
    x = duk__push_this_number_plain(thr);
    f = number_digits_argument(thr);
    if (!DUK_ISFINITE(x)) {
        duk_to_string(thr, -1);
        return 1;
    }
    if (!(f >= 0 && f <= 100))
        return duk_error(thr, DUK_ERR_RANGE_ERROR, "toExponential() argument must be between 0 and 100");
    if (x == 0) {
        memset(mant, '0', (size_t) f + 1);
        mant[(int) f + 1] = 0;
        return number_push_exponential(thr, "", mant, 0);
    }
    exp = number_sig_digits(x, (int) f + 1, mant);
    if (exp == INT_MIN)
        return duk_bi_number_prototype_to_exponential(thr);
    return number_push_exponential(thr, x < 0 ? "-" : "", mant, exp);
}

static duk_ret_t number_to_precision(duk_hthread *thr)
{
    double x, p;
    char mant[128], buf[240];
    int exp, digits;

    x = duk__push_this_number_plain(thr);
    if (duk_is_undefined(thr, 0)) {
        duk_to_string(thr, -1);
        return 1;
    }
    p = number_digits_argument(thr);
    if (!DUK_ISFINITE(x)) {
        duk_to_string(thr, -1);
        return 1;
    }
    if (!(p >= 1 && p <= 100))
        return duk_error(thr, DUK_ERR_RANGE_ERROR, "toPrecision() argument must be between 1 and 100");
    digits = (int) p;
    if (x == 0) {
        memset(mant, '0', (size_t) digits);
        mant[digits] = 0;
        exp = 0;
    } else {
        exp = number_sig_digits(x, digits, mant);
        if (exp == INT_MIN)
            return duk_bi_number_prototype_to_precision(thr);
    }
    if (exp < -6 || exp >= digits)
        return number_push_exponential(thr, x < 0 ? "-" : "", mant, exp);
    if (exp >= 0)
        snprintf(buf, sizeof buf, "%s%.*s%s%s", x < 0 ? "-" : "", exp + 1, mant, exp + 1 < digits ? "." : "",
            mant + exp + 1);
    else
        snprintf(buf, sizeof buf, "%s0.%.*s%s", x < 0 ? "-" : "", -exp - 1, "000000", mant);
    duk_push_string(thr, buf);
    return 1;
}

/* Number.prototype.toString(radix) for a radix other than 10, with V8's
 * digits: the fraction's digits go on while they tell the double from its
 * neighbours (half the gap to the next double, scaled with each digit),
 * the last rounded to even with a carry into the digits before; an
 * integer part of 2^53 radix units or more is divided down first, each
 * division a "0". Duktape wrote other digits for a fraction in a radix
 * that is no power of two ((0.15).toString(36)) and for integers above
 * 2^53. Radix 10 and NaN and the infinities are Duktape's. */
static duk_ret_t number_to_string(duk_hthread *thr)
{
    static const char DIGITS[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    char buf[2200];
    int mid = (int) sizeof buf / 2, lo = mid, hi = mid, neg, radix;
    double x, r, integer, fraction, delta;

    x = duk__push_this_number_plain(thr);
    if (duk_is_undefined(thr, 0))
        return duk_bi_number_prototype_to_string(thr);
    r = number_digits_argument(thr);
    if (!(r >= 2 && r <= 36))
        return duk_error(thr, DUK_ERR_RANGE_ERROR, "toString() radix argument must be between 2 and 36");
    radix = (int) r;
    if (radix == 10 || !DUK_ISFINITE(x)) {
        duk_push_int(thr, radix);
        duk_replace(thr, 0);
        duk_set_top(thr, 1);
        return duk_bi_number_prototype_to_string(thr);
    }
    neg = x < 0;
    if (neg)
        x = -x;
    integer = floor(x);
    fraction = x - integer;
    delta = 0.5 * (nextafter(x, INFINITY) - x);
    if (delta < 4.9406564584124654e-324) /* the smallest subnormal */
        delta = 4.9406564584124654e-324;
    if (fraction >= delta) {
        buf[hi++] = '.';
        do {
            int digit;
            fraction *= radix;
            delta *= radix;
            digit = (int) fraction;
            buf[hi++] = DIGITS[digit];
            fraction -= digit;
            if ((fraction > 0.5 || (fraction == 0.5 && (digit & 1))) && fraction + delta > 1) {
                /* round up: carry back through the digits written */
                for (;;) {
                    int c, d;
                    hi--;
                    if (hi == mid) { /* into the integer part */
                        integer += 1;
                        break;
                    }
                    c = buf[hi];
                    d = c > '9' ? c - 'a' + 10 : c - '0';
                    if (d + 1 < radix) {
                        buf[hi++] = DIGITS[d + 1];
                        break;
                    }
                }
                break;
            }
        } while (fraction >= delta);
    }
    while (integer / radix >= 9007199254740992.0) { /* 2^53 */
        integer /= radix;
        buf[--lo] = '0';
    }
    do {
        double rem = fmod(integer, radix);
        buf[--lo] = DIGITS[(int) rem];
        integer = (integer - rem) / radix;
    } while (integer > 0);
    if (neg)
        buf[--lo] = '-';
    duk_push_lstring(thr, buf + lo, (duk_size_t) (hi - lo));
    return 1;
}

/* ---- JSON.parse ---- */

#define JSON_REVIVE_KEY DUK_HIDDEN_SYMBOL("jsonRevive")

/* JSON.parse: Duktape's parser without a reviver function, else the
 * JavaScript kept on the function (native.jsonParseRevive). */
static duk_ret_t json_parse(duk_hthread *thr)
{
    if (!duk_is_callable(thr, 1)) {
        duk_bi_json_parse_helper(thr, 0, DUK_INVALID_INDEX, 0);
        return 1;
    }
    duk_push_current_function(thr);
    duk_get_prop_literal(thr, -1, JSON_REVIVE_KEY);
    duk_dup(thr, 0);
    duk_dup(thr, 1);
    duk_call(thr, 2);
    return 1;
}

duk_ret_t fcw_duk_json_parse_revive(duk_context *ctx)
{
    static const struct native_swap parse[] = {{duk_bi_json_object_parse, json_parse}};
    duk_hthread *thr = (duk_hthread *) ctx;

    duk_require_function(ctx, 0);
    duk_push_hobject(thr, thr->builtins[DUK_BIDX_GLOBAL]);
    duk_get_prop_literal(ctx, -1, "JSON");
    swap_natives(thr, duk_require_hobject(thr, -1), parse, 1);
    duk_get_prop_literal(ctx, -1, "parse");
    duk_dup(ctx, 0);
    duk_put_prop_literal(ctx, -2, JSON_REVIVE_KEY);
    return 0;
}

void fcw_duk_number_install(duk_context *ctx)
{
    static const struct native_swap methods[] = {
        {duk_bi_number_prototype_to_fixed, number_to_fixed},
        {duk_bi_number_prototype_to_exponential, number_to_exponential},
        {duk_bi_number_prototype_to_precision, number_to_precision},
        {duk_bi_number_prototype_to_string, number_to_string},
    };
    duk_hthread *thr = (duk_hthread *) ctx;

    swap_natives(thr, thr->builtins[DUK_BIDX_NUMBER_PROTOTYPE], methods, sizeof methods / sizeof methods[0]);
}

/* ---- DataView ---- */

/* What V8 checks before it reads or writes a field of a DataView: the
 * offset (ToIndex), a setter's value (ToNumber), then that the field fits
 * the view, "RangeError: Offset is outside the bounds of the DataView",
 * where Duktape's own check says "invalid args" (msgpack's decoder lets
 * that message through for a truncated input). A number offset whose field
 * fits goes straight to Duktape's readfield or writefield (same magic: the
 * field type in its low bits), which convert as before; otherwise the
 * conversions are left on the stack for them, in the spec's order. */
static void dataview_check(duk_hthread *thr, int setter)
{
    duk_tval *tv_this = thr->valstack_bottom - 1;
    duk_tval *tv_offset = thr->valstack_bottom; /* there: Duktape pads the arguments */
    duk_hbufobj *h;
    duk_small_uint_t ftype;
    duk_double_t offset, size;

    if (!DUK_TVAL_IS_OBJECT(tv_this) || !DUK_HOBJECT_IS_BUFOBJ(DUK_TVAL_GET_OBJECT(tv_this)))
        return; /* Duktape's TypeError */
    h = (duk_hbufobj *) DUK_TVAL_GET_OBJECT(tv_this);
    ftype = ((duk_hnatfunc *) DUK_ACT_GET_FUNC(thr->callstack_curr))->magic & 0x0007U;
    if (ftype >= sizeof duk__buffer_nbytes_from_fldtype)
        return;
    size = (duk_double_t) duk__buffer_nbytes_from_fldtype[ftype];
    if (DUK_TVAL_IS_NUMBER(tv_offset)) {
        offset = DUK_TVAL_GET_NUMBER(tv_offset);
        if (offset >= 0 && offset + size <= (duk_double_t) h->length)
            return;
    }
    offset = duk_to_number(thr, 0);
    if (setter)
        (void) duk_to_number(thr, 1);
    if (h->buf == NULL)
        return;
    offset = duk_js_tointeger_number(offset); /* ToIntegerOrInfinity */
    if (offset < 0 || offset + size > (duk_double_t) h->length)
        (void) duk_range_error(thr, "Offset is outside the bounds of the DataView");
}

static duk_ret_t dataview_get(duk_context *ctx)
{
    dataview_check((duk_hthread *) ctx, 0);
    return duk_bi_buffer_readfield((duk_hthread *) ctx);
}

static duk_ret_t dataview_set(duk_context *ctx)
{
    dataview_check((duk_hthread *) ctx, 1);
    return duk_bi_buffer_writefield((duk_hthread *) ctx);
}

void fcw_duk_dataview_install(duk_context *ctx)
{
    static const struct native_swap methods[] = {{duk_bi_buffer_readfield, dataview_get},
                                                 {duk_bi_buffer_writefield, dataview_set}};

    static const char *const names[] = {"getInt8", "getUint8", "getInt16", "getUint16", "getInt32", "getUint32",
                                        "getFloat32", "getFloat64", "setInt8", "setUint8", "setInt16", "setUint16",
                                        "setInt32", "setUint32", "setFloat32", "setFloat64"};
    duk_hthread *thr = (duk_hthread *) ctx;
    size_t i;

    swap_natives(thr, thr->builtins[DUK_BIDX_DATAVIEW_PROTOTYPE], methods, sizeof methods / sizeof methods[0]);
    /* and their lengths: 1 for a getter, 2 for a setter (Duktape says 2 and 3) */
    duk_push_hobject(ctx, thr->builtins[DUK_BIDX_DATAVIEW_PROTOTYPE]);
    for (i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (duk_get_prop_string(ctx, -1, names[i]) && duk_is_c_function(ctx, -1)) {
            duk_push_literal(ctx, "length");
            duk_push_int(ctx, names[i][0] == 'g' ? 1 : 2);
            duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_FORCE);
        }
        duk_pop(ctx);
    }
    duk_pop(ctx);
}

/* ---- plain data reads ---- */

/* The value of key on obj or the first of its prototypes that has it, as
 * [[Get]] finds it, when that takes no code and no exotic object: 1 with
 * the value in *out, 0 when no object has the key, -1 when an accessor, a
 * Proxy or an object with virtual properties (arrays, string objects,
 * arguments, buffers) is met first. No allocation, no side effect: a
 * lookup of the key in each object. */
static int data_get(duk_hthread *thr, duk_hobject *obj, duk_hstring *key, duk_tval **out)
{
    duk_int_t e_idx, h_idx;
    long depth;

    for (depth = 0; obj != NULL; depth++) {
        if (depth > DUK_HOBJECT_PROTOTYPE_CHAIN_SANITY || DUK_HOBJECT_HAS_EXOTIC_BEHAVIOR(obj))
            return -1;
        if (duk_hobject_find_entry(thr->heap, obj, key, &e_idx, &h_idx)) {
            if (DUK_HOBJECT_E_SLOT_IS_ACCESSOR(thr->heap, obj, e_idx))
                return -1;
            *out = DUK_HOBJECT_E_GET_VALUE_TVAL_PTR(thr->heap, obj, e_idx);
            return 1;
        }
        obj = DUK_HOBJECT_GET_PROTOTYPE(thr->heap, obj);
    }
    return 0;
}

int fcw_duk_get_data(duk_context *ctx, duk_idx_t obj_idx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_hobject *obj = duk_get_hobject(thr, obj_idx);
    duk_hstring *key = duk_get_hstring(thr, -1);
    duk_tval *tv = NULL;
    int found;

    if (obj == NULL || key == NULL || DUK_HSTRING_HAS_ARRIDX(key) || (found = data_get(thr, obj, key, &tv)) < 0)
        return 0;
    duk_pop(ctx);
    if (found)
        duk_push_tval(thr, tv);
    else
        duk_push_undefined(ctx);
    return 1;
}

void fcw_duk_get_prop_fast(duk_context *ctx, duk_idx_t obj_idx)
{
    obj_idx = duk_require_normalize_index(ctx, obj_idx);
    if (!fcw_duk_get_data(ctx, obj_idx))
        (void) duk_get_prop(ctx, obj_idx);
}

int fcw_duk_data_is(duk_context *ctx, duk_idx_t obj_idx, void *key, void *expected)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_hobject *obj = duk_get_hobject(thr, obj_idx);
    duk_tval *tv = NULL;

    return obj != NULL && !DUK_HSTRING_HAS_ARRIDX((duk_hstring *) key) &&
           data_get(thr, obj, (duk_hstring *) key, &tv) > 0 && DUK_TVAL_IS_OBJECT(tv) &&
           (void *) DUK_TVAL_GET_OBJECT(tv) == expected;
}

int fcw_duk_own_data_number(duk_context *ctx, duk_idx_t obj_idx, void *key, double *out)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_hobject *obj = duk_get_hobject(thr, obj_idx);
    duk_int_t e_idx, h_idx;
    duk_tval *tv;

    if (obj == NULL || DUK_HOBJECT_HAS_EXOTIC_BEHAVIOR(obj) || DUK_HSTRING_HAS_ARRIDX((duk_hstring *) key) ||
        !duk_hobject_find_entry(thr->heap, obj, (duk_hstring *) key, &e_idx, &h_idx) ||
        DUK_HOBJECT_E_SLOT_IS_ACCESSOR(thr->heap, obj, e_idx))
        return 0;
    tv = DUK_HOBJECT_E_GET_VALUE_TVAL_PTR(thr->heap, obj, e_idx);
    if (!DUK_TVAL_IS_NUMBER(tv))
        return 0;
    *out = DUK_TVAL_GET_NUMBER(tv);
    return 1;
}

int fcw_duk_take_pair(duk_context *ctx, duk_idx_t arr_idx, duk_uarridx_t i)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_hobject *h = duk_get_hobject(thr, arr_idx);
    duk_tval *tv;

    if (h == NULL || !DUK_HOBJECT_IS_ARRAY(h))
        return -1;
    if (i + 2 < i || ((duk_harray *) h)->length < i + 2)
        return 0;
    if (!DUK_HOBJECT_HAS_ARRAY_PART(h) || DUK_HOBJECT_GET_ASIZE(h) < i + 2)
        return -1;
    tv = DUK_HOBJECT_A_GET_BASE(thr->heap, h) + i;
    if (DUK_TVAL_IS_UNUSED(tv) || DUK_TVAL_IS_UNUSED(tv + 1))
        return -1;
    duk_push_tval(thr, tv);
    duk_push_tval(thr, tv + 1);
    /* each value is on the stack now: these releases free nothing */
    DUK_TVAL_SET_UNDEFINED_UPDREF_NORZ(thr, tv);
    DUK_TVAL_SET_UNDEFINED_UPDREF_NORZ(thr, tv + 1);
    return 1;
}

/* The entry index of obj's own property key (a C literal, neither an
 * index nor "length"), data or accessor, or -1 when it has none (found as
 * own_slot finds it: a key not in the string table is no object's). */
static duk_int_t own_entry(duk_hthread *thr, duk_hobject *obj, const char *key)
{
    duk_hstring *name = obj != NULL ? existing_string(thr->heap, (const duk_uint8_t *) key, (duk_uint32_t) strlen(key))
                                    : NULL;
    duk_int_t e_idx, h_idx;

    return name != NULL && duk_hobject_find_entry(thr->heap, obj, name, &e_idx, &h_idx) ? e_idx : -1;
}

/* own_slot and own_object without a slot to look at first */
#define OWN_ANY_SLOT ((duk_uint32_t) -1)

/* The object value of obj's own data property key, or NULL. */
static duk_hobject *own_data_object(duk_hthread *thr, duk_hobject *obj, const char *key)
{
    return obj != NULL ? own_object(thr, obj, OWN_ANY_SLOT, key) : NULL;
}

/* Whether f is Duktape's native function fn (with that magic, unless
 * magic < 0). */
static int is_native(duk_hobject *f, duk_c_function fn, int magic)
{
    return f != NULL && DUK_HOBJECT_IS_NATFUNC(f) && ((duk_hnatfunc *) f)->func == fn &&
           (magic < 0 || ((duk_hnatfunc *) f)->magic == magic);
}

int fcw_duk_proto_method_is(duk_context *ctx, enum fcw_duk_proto proto, const char *key, duk_c_function fn, int magic)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_hobject *obj = thr->builtins[proto == FCW_DUK_NUMBER_PROTOTYPE ? DUK_BIDX_NUMBER_PROTOTYPE
                                                                      : DUK_BIDX_STRING_PROTOTYPE];

    if (obj == NULL || (DUK_HOBJECT_HAS_EXOTIC_BEHAVIOR(obj) && proto != FCW_DUK_STRING_PROTOTYPE))
        return 0;
    if (fn == NULL && proto == FCW_DUK_NUMBER_PROTOTYPE)
        fn = (duk_c_function) number_to_string;
    return is_native(own_data_object(thr, obj, key), fn, magic);
}

int fcw_duk_hex_join_bytes(duk_context *ctx, duk_idx_t idx, const unsigned char **data, size_t *len)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_hobject *global = thr->builtins[DUK_BIDX_GLOBAL];
    duk_hobject *array_proto = thr->builtins[DUK_BIDX_ARRAY_PROTOTYPE];
    duk_hobject *function_proto = thr->builtins[DUK_BIDX_FUNCTION_PROTOTYPE];
    duk_hobject *map, *u8, *v = duk_get_hobject(thr, idx);
    duk_hbufobj *b;
    duk_small_uint_t cls;

    if (v == NULL || !DUK_HOBJECT_IS_BUFOBJ(v))
        return 0;
    cls = DUK_HOBJECT_GET_CLASS_NUMBER(v);
    if (cls != DUK_HOBJECT_CLASS_ARRAYBUFFER && cls != DUK_HOBJECT_CLASS_UINT8ARRAY)
        return 0;
    b = (duk_hbufobj *) v;
    if (b->buf == NULL || b->length == 0 || !DUK_HBUFOBJ_VALID_SLICE(b))
        return 0;
    /* the names the expression reads: the global Array and Uint8Array,
     * Array.prototype's map and join, and map's call */
    if (own_data_object(thr, global, "Array") != thr->builtins[DUK_BIDX_ARRAY_CONSTRUCTOR])
        return 0;
    u8 = own_data_object(thr, global, "Uint8Array");
    if (!is_native(u8, (duk_c_function) duk_bi_typedarray_constructor, -1) ||
        own_data_object(thr, u8, "prototype") != thr->builtins[DUK_BIDX_UINT8ARRAY_PROTOTYPE])
        return 0;
    map = own_data_object(thr, array_proto, "map");
    if (!is_native(map, (duk_c_function) duk_bi_array_prototype_iter_shared, 3 /* DUK__ITER_MAP */) ||
        !is_native(own_data_object(thr, array_proto, "join"), (duk_c_function) duk_bi_array_prototype_join_shared, 0))
        return 0;
    /* map has no call of its own, data or accessor: the one read is
     * Function.prototype's */
    if (own_entry(thr, map, "call") >= 0 || DUK_HOBJECT_GET_PROTOTYPE(thr->heap, map) != function_proto ||
        !is_native(own_data_object(thr, function_proto, "call"), (duk_c_function) duk_bi_function_prototype_call, -1))
        return 0;
    *data = (const unsigned char *) DUK_HBUFFER_GET_DATA_PTR(thr->heap, b->buf) + b->offset;
    *len = b->length;
    return 1;
}

int fcw_duk_reads_getters(duk_context *ctx, duk_idx_t obj_idx, duk_idx_t proto_idx, duk_idx_t keys_idx,
                          duk_idx_t getters_idx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_hobject *obj = duk_get_hobject(thr, obj_idx), *proto = duk_get_hobject(thr, proto_idx);
    duk_hobject *keys = duk_get_hobject(thr, keys_idx), *getters = duk_get_hobject(thr, getters_idx);
    duk_uint32_t i, n;

    if (obj == NULL || proto == NULL || keys == NULL || getters == NULL || DUK_HOBJECT_HAS_EXOTIC_BEHAVIOR(obj) ||
        DUK_HOBJECT_GET_PROTOTYPE(thr->heap, obj) != proto || DUK_HOBJECT_HAS_EXOTIC_BEHAVIOR(proto) ||
        !DUK_HOBJECT_IS_ARRAY(keys) || !DUK_HOBJECT_IS_ARRAY(getters) || !DUK_HOBJECT_HAS_ARRAY_PART(keys) ||
        !DUK_HOBJECT_HAS_ARRAY_PART(getters))
        return 0;
    n = ((duk_harray *) keys)->length;
    if (n > DUK_HOBJECT_GET_ASIZE(keys) || n > DUK_HOBJECT_GET_ASIZE(getters))
        return 0;
    for (i = 0; i < n; i++) {
        duk_tval *key = DUK_HOBJECT_A_GET_BASE(thr->heap, keys) + i;
        duk_tval *getter = DUK_HOBJECT_A_GET_BASE(thr->heap, getters) + i;
        duk_hstring *name;
        duk_int_t e_idx, h_idx;
        duk_hobject *get;

        if (!DUK_TVAL_IS_STRING(key) || !DUK_TVAL_IS_OBJECT(getter))
            return 0;
        name = DUK_TVAL_GET_STRING(key);
        if (DUK_HSTRING_HAS_ARRIDX(name) || duk_hobject_find_entry(thr->heap, obj, name, &e_idx, &h_idx))
            return 0;
        if (!duk_hobject_find_entry(thr->heap, proto, name, &e_idx, &h_idx) ||
            !DUK_HOBJECT_E_SLOT_IS_ACCESSOR(thr->heap, proto, e_idx))
            return 0;
        get = DUK_HOBJECT_E_GET_VALUE_GETTER(thr->heap, proto, e_idx);
        if (get != DUK_TVAL_GET_OBJECT(getter))
            return 0;
    }
    return 1;
}

/* ---- values held for C ---- */

void fcw_duk_push_held(duk_context *ctx, duk_uarridx_t n)
{
    duk_uarridx_t i;

    duk_push_array(ctx);
    for (i = 0; i < n; i++) {
        duk_push_undefined(ctx);
        duk_put_prop_index(ctx, -2, i);
    }
}

void fcw_duk_hold(duk_context *ctx, void *holder, duk_uarridx_t i, duk_idx_t idx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_hobject *h = (duk_hobject *) holder;
    duk_tval *tv;

    idx = duk_require_normalize_index(ctx, idx);
    if (DUK_HOBJECT_HAS_ARRAY_PART(h) && i < DUK_HOBJECT_GET_ASIZE(h) && i < ((duk_harray *) h)->length) {
        tv = DUK_HOBJECT_A_GET_BASE(thr->heap, h) + i;
        /* the old value's release frees at most a string or an object
         * whose finalizer runs later: the write is done first */
        DUK_TVAL_SET_TVAL_UPDREF(thr, tv, duk_get_tval(thr, idx));
        return;
    }
    duk_push_heapptr(ctx, holder);
    duk_dup(ctx, idx);
    duk_put_prop_index(ctx, -2, i);
    duk_pop(ctx);
}

void fcw_duk_push_held_value(duk_context *ctx, void *holder, duk_uarridx_t i)
{
    duk_push_heapptr(ctx, holder);
    duk_get_prop_index(ctx, -1, i);
    duk_remove(ctx, -2);
}

/* ---- external string data (DUK_USE_EXTSTR_INTERN_CHECK, lib/duk-config.sh) ----
 *
 * Duktape concatenates strings (`a + b`, `s += t`, concat, join) by
 * copying the parts into a fixed buffer on the value stack top and
 * interning its bytes, which copies them again into a new string. A page
 * built by appends (`html += part`, hono/jsx's `buffer[0] += s`) copies
 * the whole string twice at each append. Here the string takes the
 * buffer's block instead of a copy of it: the block then has two owners
 * (the allocator's shared mark), and is released when both have freed it.
 * The bytes are adopted only when they cannot change: they are the whole
 * data of a fixed plain buffer (no view's backing store, which is an
 * object) that is on the top of the running thread's value stack and
 * referenced by nothing else, which is how duk_buffer_to_string's buffer
 * is when it interns (it replaces the buffer by the string next); the
 * hook cannot tell any other caller apart, so C code of ours never
 * pushes a string of a buffer's bytes and then writes to that buffer.
 * Small strings are copied as before: the copy is cheap, and the external
 * string costs a header of its own. */

#define EXTSTR_MIN_BYTES 1024

static duk_alloc_function extstr_alloc;
static int (*extstr_share)(void *block);

void fcw_duk_extstr_setup(duk_alloc_function alloc_func, int (*share)(void *block))
{
    extstr_alloc = alloc_func;
    extstr_share = share;
}

/* The heap of a `heap->heap_udata` the macros take the address of. */
static duk_heap *heap_of_udata_ref(void *udata_ref)
{
    return (duk_heap *) (void *) ((char *) udata_ref - offsetof(duk_heap, heap_udata));
}

const void *fcw_duk_extstr_check(void *udata_ref, void *ptr, unsigned long len)
{
    duk_heap *heap = heap_of_udata_ref(udata_ref);
    duk_hthread *thr;
    duk_tval *tv;
    duk_hbuffer *h;

    if (len < EXTSTR_MIN_BYTES || extstr_share == NULL || heap->alloc_func != extstr_alloc)
        return NULL;
    thr = heap->curr_thread;
    if (thr == NULL || thr->valstack_top <= thr->valstack_bottom)
        return NULL;
    tv = thr->valstack_top - 1;
    if (!DUK_TVAL_IS_BUFFER(tv))
        return NULL;
    h = DUK_TVAL_GET_BUFFER(tv);
    if (DUK_HBUFFER_HAS_DYNAMIC(h) || DUK_HEAPHDR_GET_REFCOUNT((duk_heaphdr *) h) != 1 ||
        DUK_HBUFFER_GET_SIZE(h) != (duk_size_t) len ||
        (void *) DUK_HBUFFER_FIXED_GET_DATA_PTR(heap, (duk_hbuffer_fixed *) h) != ptr)
        return NULL;
    /* the allocator leaves a byte after every large block for the NUL
     * that string data has */
    if (!extstr_share(h))
        return NULL;
    ((duk_uint8_t *) ptr)[len] = 0;
    return ptr;
}

int fcw_duk_is_external_string(duk_context *ctx, duk_idx_t idx)
{
    duk_hstring *h = duk_get_hstring((duk_hthread *) ctx, idx);
    return h != NULL && DUK_HSTRING_HAS_EXTDATA(h);
}

void fcw_duk_extstr_free(void *udata_ref, const void *ptr)
{
    duk_heap *heap = heap_of_udata_ref(udata_ref);
    /* the block of the buffer whose data ptr is */
    heap->free_func(heap->heap_udata, (void *) ((duk_hbuffer_fixed *) (void *) DUK_LOSE_CONST(ptr) - 1));
}

/* ---- appends in place ----
 *
 * A page built by appends (`html += part`, hono/jsx's `buffer[0] += s`)
 * still copies the whole string at each append: Duktape's `+` makes a
 * fixed buffer of both strings' bytes (duk_concat_2), which the string
 * then keeps (above). When the string appended to dies with the append,
 * its block can be the new buffer instead, with the old bytes where they
 * are: the allocator is asked for the buffer, and gets the old string's
 * block back when it has room, with the old bytes already in place
 * (Duktape writes only the buffer's header before it copies the bytes, and
 * DUK_MEMCPY, lib/duk-config.sh, skips a copy onto itself). Room comes from
 * allocating such a buffer half as large again. An append is then O(length
 * appended) instead of O(whole string), and a page of n parts is built in
 * O(n) instead of O(n^2).
 *
 * The old string loses the NUL after its bytes (the new bytes go there),
 * which string data must have (JSON.parse reads to it, as may C callers),
 * so this is done only when nothing can read it again: when the string
 * dies as the append completes. That is known from the instructions being
 * run and the string's reference count, which must be the count of the
 * references they drop:
 *   - the ADD (its first operand a register, where the old string is)
 *     drops the operand's copy on the value stack, and its target
 *     register's value when that is the old string (`s += t`: the ADD
 *     writes s);
 *   - the instruction after it may drop one more: a register move of the
 *     ADD's result over a register that holds the old string (what Duktape
 *     makes of `s += t` when t is an expression), or the PUTPROP that
 *     stores it into an array slot holding the old string (`a[i] += t`: a
 *     slot of the array part of an array) or into a property of a plain
 *     object holding it (`o.html += t`: its own writable data property),
 *     or the PUTVAR that writes a variable of a function around holding it
 *     (`html += t` in a closure: a declarative record's binding), a write
 *     that calls nothing;
 *   - or the old string's one other reference is in the register of the
 *     ADD's first operand, a copy that nothing reads before it is written
 *     over (append_copy_dead: `s += expression`).
 * Between the ADD's allocation and its end Duktape interns the new string
 * (allocations, which cannot fail for the engine's limit: the engine
 * appends in place only with room under it) and runs nothing else;
 * between the ADD and the next instruction only the interrupt may run,
 * which throws only when the request's time is up. */

static int tval_is_string(duk_tval *tv, duk_hstring *h)
{
    return DUK_TVAL_IS_STRING(tv) && DUK_TVAL_GET_STRING(tv) == h;
}

/* Whether the instruction after an ADD into register a drops a reference
 * to old by writing the ADD's result over it (see above). */
static int append_next_drops(duk_hthread *thr, duk_instr_t next, duk_small_uint_t a, duk_hstring *old)
{
    duk_small_uint_t op = (duk_small_uint_t) DUK_DEC_OP(next);
    duk_tval *bottom = thr->valstack_bottom, *top = thr->valstack_top;
    duk_tval *tv_obj, *tv_key;
    duk_hobject *obj;
    duk_double_t d;
    duk_uint32_t idx;

    /* a move of register a over another register: LDREG A <- BC, STREG BC <- A */
    if (op == DUK_OP_LDREG || op == DUK_OP_STREG) {
        duk_uint_t from = op == DUK_OP_LDREG ? DUK_DEC_BC(next) : DUK_DEC_A(next);
        duk_uint_t to = op == DUK_OP_LDREG ? DUK_DEC_A(next) : DUK_DEC_BC(next);
        return from == a && to != a && bottom + to < top && tval_is_string(bottom + to, old);
    }
    /* PUTVAR name <- A: a variable of a function around (`s += t` in a
     * closure) bound in a declarative record, written in place as
     * duk__putvar_helper does when it finds it so; the lookup must run no
     * code, so no `with` of a Proxy may be on the way */
    if (op == DUK_OP_PUTVAR) {
        duk_activation *act = thr->callstack_curr;
        duk_hcompfunc *fun = (duk_hcompfunc *) DUK_ACT_GET_FUNC(act);
        duk_tval *tv_name = DUK_HCOMPFUNC_GET_CONSTS_BASE(thr->heap, fun) + DUK_DEC_BC(next);
        duk_hobject *env;
        duk__id_lookup_result ref;
        if (DUK_DEC_A(next) != a || !DUK_TVAL_IS_STRING(tv_name))
            return 0;
        for (env = act->lex_env != NULL ? act->lex_env : DUK_HCOMPFUNC_GET_LEXENV(thr->heap, fun); env != NULL;
             env = DUK_HOBJECT_GET_PROTOTYPE(thr->heap, env)) {
            if (DUK_HOBJECT_GET_CLASS_NUMBER(env) == DUK_HOBJECT_CLASS_OBJENV &&
                DUK_HOBJECT_IS_PROXY(((duk_hobjenv *) env)->target))
                return 0;
        }
        return duk__get_identifier_reference(thr, act->lex_env, DUK_TVAL_GET_STRING(tv_name), act, 1, &ref) &&
               ref.value != NULL && (ref.attrs & DUK_PROPDESC_FLAG_WRITABLE) && tval_is_string(ref.value, old);
    }
    /* PUTPROP A[B] = C with C register a: _RR or _CR */
    if ((op != DUK_OP_PUTPROP_RR && op != DUK_OP_PUTPROP_CR) || DUK_DEC_C(next) != a)
        return 0;
    tv_obj = bottom + DUK_DEC_A(next);
    if (op == DUK_OP_PUTPROP_CR) {
        duk_hcompfunc *fun = (duk_hcompfunc *) DUK_ACT_GET_FUNC(thr->callstack_curr);
        tv_key = DUK_HCOMPFUNC_GET_CONSTS_BASE(thr->heap, fun) + DUK_DEC_B(next);
    } else {
        tv_key = bottom + DUK_DEC_B(next);
        if (tv_key >= top)
            return 0;
    }
    if (tv_obj >= top || !DUK_TVAL_IS_OBJECT(tv_obj))
        return 0;
    obj = DUK_TVAL_GET_OBJECT(tv_obj);
    if (DUK_TVAL_IS_STRING(tv_key)) {
        /* an own writable data property of a plain object (`o.html += t`) */
        duk_int_t e_idx, h_idx;
        /* (a Proxy has exotic behaviour) */
        if (DUK_HOBJECT_GET_CLASS_NUMBER(obj) != DUK_HOBJECT_CLASS_OBJECT || DUK_HOBJECT_HAS_EXOTIC_BEHAVIOR(obj) ||
            DUK_HOBJECT_HAS_VIRTUAL_PROPERTIES(obj) ||
            !duk_hobject_find_entry(thr->heap, obj, DUK_TVAL_GET_STRING(tv_key), &e_idx, &h_idx) ||
            DUK_HOBJECT_E_SLOT_IS_ACCESSOR(thr->heap, obj, e_idx) || !DUK_HOBJECT_E_SLOT_IS_WRITABLE(thr->heap, obj, e_idx))
            return 0;
        return tval_is_string(DUK_HOBJECT_E_GET_VALUE_TVAL_PTR(thr->heap, obj, e_idx), old);
    }
    if (!DUK_TVAL_IS_NUMBER(tv_key))
        return 0;
    if (!DUK_HOBJECT_HAS_ARRAY_PART(obj) || DUK_HOBJECT_GET_CLASS_NUMBER(obj) != DUK_HOBJECT_CLASS_ARRAY ||
        DUK_HOBJECT_HAS_EXOTIC_ARGUMENTS(obj) || DUK_HOBJECT_IS_PROXY(obj))
        return 0;
    d = DUK_TVAL_GET_NUMBER(tv_key);
    if (!(d >= 0.0 && d < (duk_double_t) DUK_HOBJECT_GET_ASIZE(obj)))
        return 0;
    idx = (duk_uint32_t) d;
    return (duk_double_t) idx == d && tval_is_string(DUK_HOBJECT_A_GET_VALUE_PTR(thr->heap, obj, idx), old);
}

/* The registers the scan below has seen written, the latest last, each
 * with whether it then holds a primitive (an ADD's result). */
struct append_scan {
    duk_uint_t reg[16];
    unsigned char prim[16];
    duk_size_t n;
};

/* The latest entry of reg, or -1 when the scan has not seen it written. */
static duk_int_t append_scan_find(const struct append_scan *scan, duk_uint_t reg)
{
    duk_size_t i;

    for (i = scan->n; i > 0; i--) {
        if (scan->reg[i - 1] == reg)
            return (duk_int_t) (i - 1);
    }
    return -1;
}

/* Records a write of reg; 0 when there is no room left to. */
static int append_scan_write(struct append_scan *scan, duk_uint_t reg, int prim)
{
    if (scan->n == sizeof(scan->reg) / sizeof(scan->reg[0]))
        return 0;
    scan->reg[scan->n] = reg;
    scan->prim[scan->n++] = (unsigned char) prim;
    return 1;
}

/* Whether register reg holds a primitive that `+` converts calling
 * nothing (a string, number, boolean, undefined or null): as an ADD of
 * the scan left it, or as it is now when the scan has not seen it
 * written. */
static int append_scan_primitive(duk_hthread *thr, const struct append_scan *scan, duk_uint_t reg)
{
    duk_int_t at = append_scan_find(scan, reg);
    duk_tval *tv;

    if (at >= 0)
        return scan->prim[at];
    if (reg >= (duk_uint_t) (thr->valstack_top - thr->valstack_bottom))
        return 0;
    tv = thr->valstack_bottom + reg;
    return DUK_TVAL_IS_STRING(tv) ? !DUK_HSTRING_HAS_SYMBOL(DUK_TVAL_GET_STRING(tv)) :
                                    DUK_TVAL_IS_NUMBER(tv) || DUK_TVAL_IS_BOOLEAN(tv) || DUK_TVAL_IS_UNDEFINED(tv) ||
                                        DUK_TVAL_IS_NULL(tv);
}

/* Whether register r, which will still hold old after the ADD before pc,
 * is written before anything can read it: the instructions from pc on,
 * following jumps, are register loads, jumps, increments of numbers and
 * additions of primitives (which run no code of the script's: no getter,
 * no valueOf, nothing that could read a variable by its name) until one of
 * them writes r without reading it (result: the ADD's target register,
 * which it leaves a string). This is the case of `s += expression`, for
 * which Duktape copies s to a temporary register before the expression
 * and appends to that copy: the copy is written over by the next use of
 * the register (in a loop, the update's `i++`), and nothing reads it until
 * then. */
static int append_copy_dead(duk_hthread *thr, duk_instr_t *pc, duk_uint_t r, duk_uint_t result)
{
    duk_hcompfunc *fun = (duk_hcompfunc *) DUK_ACT_GET_FUNC(thr->callstack_curr);
    duk_instr_t *base = DUK_HCOMPFUNC_GET_CODE_BASE(thr->heap, fun);
    duk_instr_t *end = DUK_HCOMPFUNC_GET_CODE_END(thr->heap, fun);
    duk_uint_t nregs = (duk_uint_t) (thr->valstack_top - thr->valstack_bottom);
    struct append_scan scan;
    int steps;

    scan.n = 0;
    (void) append_scan_write(&scan, result, 1);
    for (steps = 0; steps < 16; steps++) {
        duk_instr_t ins;
        duk_small_uint_t op;
        duk_uint_t to, from;
        int primitive = 0; /* what is written to `to` is a primitive */
        if (pc < base || pc >= end)
            return 0;
        ins = *pc++;
        op = (duk_small_uint_t) DUK_DEC_OP(ins);
        switch (op) {
        case DUK_OP_JUMP:
            pc += (duk_int_t) DUK_DEC_ABC(ins) - (duk_int_t) DUK_BC_JUMP_BIAS;
            continue;
        case DUK_OP_LDREG:
        case DUK_OP_STREG:
            to = op == DUK_OP_LDREG ? DUK_DEC_A(ins) : DUK_DEC_BC(ins);
            from = op == DUK_OP_LDREG ? DUK_DEC_BC(ins) : DUK_DEC_A(ins);
            if (from == r)
                return 0;
            break;
        case DUK_OP_LDCONST:
        case DUK_OP_LDINT:
        case DUK_OP_LDTHIS:
        case DUK_OP_LDUNDEF:
        case DUK_OP_LDNULL:
        case DUK_OP_LDTRUE:
        case DUK_OP_LDFALSE:
            to = DUK_DEC_A(ins);
            break;
        case DUK_OP_ADD_RR:
        case DUK_OP_ADD_CR:
        case DUK_OP_ADD_RC:
        case DUK_OP_ADD_CC:
            /* A <- B + C of primitives (constants are strings and numbers),
             * so that no valueOf or toString runs: a primitive result (`s =
             * s + a + b`, whose first ADD makes a temporary and whose last
             * writes s over) */
            if ((op == DUK_OP_ADD_RR || op == DUK_OP_ADD_RC) &&
                (DUK_DEC_B(ins) == r || !append_scan_primitive(thr, &scan, DUK_DEC_B(ins))))
                return 0;
            if ((op == DUK_OP_ADD_RR || op == DUK_OP_ADD_CR) &&
                (DUK_DEC_C(ins) == r || !append_scan_primitive(thr, &scan, DUK_DEC_C(ins))))
                return 0;
            to = DUK_DEC_A(ins);
            primitive = 1;
            break;
        case DUK_OP_PREINCR:
        case DUK_OP_PREDECR:
        case DUK_OP_POSTINCR:
        case DUK_OP_POSTDECR:
            /* A <- BC +/- 1, and BC too: a number (as it is now: the scan
             * has not seen it written) converts calling nothing */
            from = DUK_DEC_BC(ins);
            if (from == r || from >= nregs || !DUK_TVAL_IS_NUMBER(thr->valstack_bottom + from) ||
                append_scan_find(&scan, from) >= 0)
                return 0;
            to = DUK_DEC_A(ins);
            if (to != r && !append_scan_write(&scan, from, 0))
                return 0;
            break;
        default:
            return 0;
        }
        if (to == r)
            return 1;
        if (!append_scan_write(&scan, to, primitive))
            return 0;
    }
    return 0;
}

void *fcw_duk_append_plan(duk_context *ctx, size_t size, size_t *room)
{
    duk_heap *heap = ((duk_hthread *) ctx)->heap;
    duk_hthread *thr = heap->curr_thread;
    duk_tval *top;
    duk_hstring *h1, *h2;
    duk_instr_t *pc, ins;
    duk_small_uint_t op, a;
    duk_uint32_t drops, refs;
    size_t len1, len2;

    *room = 0;
    if (thr == NULL || thr->ptr_curr_pc == NULL || thr->callstack_curr == NULL || heap->alloc_func != extstr_alloc ||
        size < sizeof(duk_hbuffer_fixed) + EXTSTR_MIN_BYTES)
        return NULL;
    /* duk_concat_2's buffer: [... s1 s2] on the value stack, its size theirs */
    top = thr->valstack_top;
    if (top - thr->valstack_bottom < 2 || !DUK_TVAL_IS_STRING(top - 2) || !DUK_TVAL_IS_STRING(top - 1))
        return NULL;
    h1 = DUK_TVAL_GET_STRING(top - 2);
    h2 = DUK_TVAL_GET_STRING(top - 1);
    len1 = DUK_HSTRING_GET_BYTELEN(h1);
    len2 = DUK_HSTRING_GET_BYTELEN(h2);
    if (h1 == h2 || size != sizeof(duk_hbuffer_fixed) + len1 + len2)
        return NULL;
    /* run by an ADD whose first operand is the register holding s1 */
    pc = *thr->ptr_curr_pc;
    ins = pc[-1];
    op = (duk_small_uint_t) DUK_DEC_OP(ins);
    a = (duk_small_uint_t) DUK_DEC_A(ins);
    if ((op != DUK_OP_ADD_RR && op != DUK_OP_ADD_RC) || thr->valstack_bottom + DUK_DEC_B(ins) >= top - 2 ||
        thr->valstack_bottom + a >= top - 2 || !tval_is_string(thr->valstack_bottom + DUK_DEC_B(ins), h1))
        return NULL;
    drops = 1 + (duk_uint32_t) tval_is_string(thr->valstack_bottom + a, h1);
    refs = (duk_uint32_t) DUK_HEAPHDR_GET_REFCOUNT((duk_heaphdr *) h1);
    if (refs != drops && refs != drops + (duk_uint32_t) append_next_drops(thr, pc[0], a, h1) &&
        !(refs == drops + 1 && DUK_DEC_B(ins) != a && append_copy_dead(thr, pc, DUK_DEC_B(ins), a)))
        return NULL;
    /* the old string dies: more appends are likely */
    *room = size + size / 2;
    if (!DUK_HSTRING_HAS_EXTDATA(h1))
        return NULL;
    return (void *) ((duk_uint8_t *) DUK_LOSE_CONST(DUK_HSTRING_GET_EXTDATA((const duk_hstring_external *) h1)) -
                      sizeof(duk_hbuffer_fixed));
}
