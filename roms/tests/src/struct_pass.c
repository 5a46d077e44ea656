/* Aggregates passed and returned by value: small structs in general
 * registers (r8-r11 on return), homogeneous float aggregates in f8-f15,
 * large ones through memory, and structs mixed with scalar arguments. */
#include "rt.h"

struct s1 { char c; };
struct s3 { char a, b, c; };
struct s8 { int a; short b; char c, d; };
struct s16 { long a, b; };
struct s24 { long a; int b; long c; };
struct s40 { long v[5]; };
struct big { int v[37]; };
struct hfa2d { double x, y; };
struct hfa4f { float a, b, c, d; };
struct hfa8d { double v[8]; };
struct hfa3l { long double a, b, c; };
struct mixed { double d; int i; float f; };

static RT_NOINLINE struct s1 mk1(char c) { struct s1 r = { (char)(c + 1) }; return r; }
static RT_NOINLINE struct s3 mk3(struct s3 x) { struct s3 r = { x.c, x.a, (char)(x.b * 2) }; return r; }
static RT_NOINLINE struct s8 mk8(struct s8 x, int k)
{
	x.a *= k;
	x.b = (short)(x.b - k);
	x.c ^= 0x55;
	x.d = (char)k;
	return x;
}
static RT_NOINLINE struct s16 swap16(struct s16 x) { struct s16 r = { x.b, x.a }; return r; }
static RT_NOINLINE struct s24 mk24(long a, struct s24 x, int b)
{
	x.a += a;
	x.b -= b;
	x.c = x.a ^ x.c;
	return x;
}
static RT_NOINLINE struct s40 rev40(struct s40 x)
{
	struct s40 r;
	int i;

	for (i = 0; i < 5; i++)
		r.v[i] = x.v[4 - i] * (i + 1);
	return r;
}
static RT_NOINLINE struct big scale(struct big b, int k)
{
	int i;

	for (i = 0; i < 37; i++)
		b.v[i] = b.v[i] * k + i;
	return b;
}
static RT_NOINLINE struct hfa2d rot90(struct hfa2d p) { struct hfa2d r = { -p.y, p.x }; return r; }
static RT_NOINLINE struct hfa4f add4(struct hfa4f a, struct hfa4f b)
{
	struct hfa4f r = { a.a + b.a, a.b + b.b, a.c + b.c, a.d + b.d };
	return r;
}
static RT_NOINLINE struct hfa8d half8(struct hfa8d h)
{
	int i;

	for (i = 0; i < 8; i++)
		h.v[i] *= 0.5;
	return h;
}
static RT_NOINLINE struct hfa3l sum3l(struct hfa3l a, long double k)
{
	struct hfa3l r = { a.a + k, a.b - k, a.c * k };
	return r;
}
static RT_NOINLINE struct mixed mkmixed(int i, struct mixed m, double d)
{
	m.d = m.d * d + i;
	m.i = m.i * 2 + i;
	m.f = m.f - 1.5f;
	return m;
}
/* More float aggregates than f8-f15 can hold: the rest goes to the stack. */
static RT_NOINLINE double many_hfa(struct hfa2d a, struct hfa2d b, struct hfa2d c,
				   struct hfa2d d, struct hfa2d e, struct hfa4f f, int tail)
{
	return a.x + a.y * 2 + b.x * 3 + b.y * 4 + c.x * 5 + c.y * 6 + d.x * 7 + d.y * 8 +
	       e.x * 9 + e.y * 10 + (double)(f.a + f.b + f.c + f.d) + tail;
}

int main(int argc, char **argv, char **envp)
{
	struct s3 t3 = { 1, 2, 3 };
	struct s8 t8 = { 100000, -5, 'x', 0 };
	struct s16 t16 = { 111, -222 };
	struct s24 t24 = { 5, 6, 7 };
	struct s40 t40 = { { 1, 2, 3, 4, 5 } };
	struct big b;
	struct hfa2d p = { 1.25, -3.5 };
	struct hfa4f f1 = { 1, 2, 3, 4 }, f2 = { 0.5f, 0.25f, 0.125f, 1e10f };
	struct hfa8d h8 = { { 1, 2, 3, 4, 5, 6, 7, 8 } };
	struct hfa3l l3 = { 1.0L, 2.0L, 3.0L };
	struct mixed m = { 2.5, 7, 10.0f };
	unsigned long sum = 0;
	int i;

	rt_printf("s1 %d\n", mk1('A').c);
	t3 = mk3(t3);
	rt_printf("s3 %d %d %d\n", t3.a, t3.b, t3.c);
	t8 = mk8(t8, 3);
	rt_printf("s8 %d %d %d %d\n", t8.a, t8.b, t8.c, t8.d);
	t16 = swap16(t16);
	rt_printf("s16 %ld %ld\n", t16.a, t16.b);
	t24 = mk24(1000, t24, 2);
	rt_printf("s24 %ld %d %ld\n", t24.a, t24.b, t24.c);
	t40 = rev40(t40);
	rt_printf("s40 %ld %ld %ld %ld %ld\n", t40.v[0], t40.v[1], t40.v[2], t40.v[3], t40.v[4]);
	for (i = 0; i < 37; i++)
		b.v[i] = i * i;
	b = scale(b, -3);
	for (i = 0; i < 37; i++)
		sum = sum * 7 + (unsigned long)(long)b.v[i];
	rt_printf("big %016lx\n", sum);
	p = rot90(rot90(rot90(p)));
	rt_show_f64("hfa2d.x", p.x);
	rt_show_f64("hfa2d.y", p.y);
	f1 = add4(f1, f2);
	rt_show_f32("hfa4f.a", f1.a);
	rt_show_f32("hfa4f.d", f1.d);
	h8 = half8(half8(h8));
	rt_show_f64("hfa8d.v[7]", h8.v[7]);
	l3 = sum3l(l3, 0.1L);
	rt_show_f80("hfa3l.a", l3.a);
	rt_show_f80("hfa3l.c", l3.c);
	m = mkmixed(3, m, 4.0);
	rt_printf("mixed i %d\n", m.i);
	rt_show_f64("mixed.d", m.d);
	rt_show_f32("mixed.f", m.f);
	rt_show_f64("many", many_hfa(p, p, p, p, p, f1, 9));
	return 0;
}
