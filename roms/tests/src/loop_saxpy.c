/* Streaming floating point loops: saxpy, daxpy, dot products, scaling and
 * a 3-point stencil, over several lengths; each result is summarised by
 * an order-sensitive digest of its bits. */
#include "rt.h"

enum { MAX = 1024 };
static float xs[MAX], ys[MAX];
static double xd[MAX], yd[MAX], zd[MAX];

static RT_NOINLINE void saxpy(float *y, const float *x, float a, int n)
{
	for (int i = 0; i < n; i++)
		y[i] = a * x[i] + y[i];
}

static RT_NOINLINE void daxpy(double *y, const double *x, double a, int n)
{
	for (int i = 0; i < n; i++)
		y[i] += a * x[i];
}

static RT_NOINLINE double ddot(const double *x, const double *y, int n)
{
	double s = 0;
	for (int i = 0; i < n; i++)
		s += x[i] * y[i];
	return s;
}

static RT_NOINLINE float sdot(const float *x, const float *y, int n)
{
	float s = 0;
	for (int i = 0; i < n; i++)
		s += x[i] * y[i];
	return s;
}

static RT_NOINLINE void stencil(double *out, const double *in, int n)
{
	for (int i = 1; i + 1 < n; i++)
		out[i] = 0.25 * in[i - 1] + 0.5 * in[i] + 0.25 * in[i + 1];
}

static RT_NOINLINE void scale_add(double *z, const double *x, const double *y, double s, int n)
{
	for (int i = 0; i < n; i++)
		z[i] = x[i] * s - y[i] / 3.0;
}

static uint64_t digest_f(const float *v, int n)
{
	uint64_t h = 0;
	for (int i = 0; i < n; i++)
		h = h * 1000003 + rt_f32_bits(v[i]);
	return h;
}

static uint64_t digest_d(const double *v, int n)
{
	uint64_t h = 0;
	for (int i = 0; i < n; i++)
		h = h * 1000003 + rt_f64_bits(v[i]);
	return h;
}

int main(int argc, char **argv, char **envp)
{
	static const int lengths[] = { 1, 3, 4, 5, 8, 13, 64, 127, 500, 1024 };
	unsigned k;

	for (k = 0; k < RT_ARRAY_LEN(lengths); k++) {
		int n = lengths[k], i;
		for (i = 0; i < MAX; i++) {
			xs[i] = (float)i * 0.5f - 100.0f;
			ys[i] = 1.0f / (float)(i + 1);
			xd[i] = (double)(i * i % 97) - 48.5;
			yd[i] = 1.0 / (double)(i + 3);
			zd[i] = 0;
		}
		saxpy(ys, xs, 1.5f, n);
		daxpy(yd, xd, -0.75, n);
		stencil(zd, yd, n);
		rt_printf("n=%4d saxpy %016lx daxpy %016lx stencil %016lx", n, digest_f(ys, n),
			  digest_d(yd, n), digest_d(zd, n));
		scale_add(zd, xd, yd, 1.0 / 7.0, n);
		rt_printf(" scale %016lx\n       ddot %016lx sdot %08x\n", digest_d(zd, n),
			  rt_f64_bits(ddot(xd, yd, n)), rt_f32_bits(sdot(xs, ys, n)));
	}
	return 0;
}
