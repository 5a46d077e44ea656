/* Workload: dense double-precision matrix multiply (48x48) in i-j-k and
 * i-k-j order, a float version, and the LU-free determinant of a small
 * matrix by Gaussian elimination with partial pivoting. */
#include "rt.h"

enum { N = 48 };
static double A[N][N], B[N][N], C1[N][N], C2[N][N];
static float Af[N][N], Bf[N][N], Cf[N][N];

static uint64_t digest(double m[N][N])
{
	uint64_t h = 0;
	for (int i = 0; i < N; i++)
		for (int j = 0; j < N; j++)
			h = h * 1000003 + rt_f64_bits(m[i][j]);
	return h;
}

static RT_NOINLINE void mul_ijk(double c[N][N], double a[N][N], double b[N][N])
{
	for (int i = 0; i < N; i++)
		for (int j = 0; j < N; j++) {
			double s = 0;
			for (int k = 0; k < N; k++)
				s += a[i][k] * b[k][j];
			c[i][j] = s;
		}
}

static RT_NOINLINE void mul_ikj(double c[N][N], double a[N][N], double b[N][N])
{
	for (int i = 0; i < N; i++) {
		for (int j = 0; j < N; j++)
			c[i][j] = 0;
		for (int k = 0; k < N; k++) {
			double aik = a[i][k];
			for (int j = 0; j < N; j++)
				c[i][j] += aik * b[k][j];
		}
	}
}

static RT_NOINLINE void mul_f(float c[N][N], float a[N][N], float b[N][N])
{
	for (int i = 0; i < N; i++)
		for (int j = 0; j < N; j++) {
			float s = 0;
			for (int k = 0; k < N; k++)
				s += a[i][k] * b[k][j];
			c[i][j] = s;
		}
}

static double determinant(double m[6][6])
{
	double det = 1;

	for (int col = 0; col < 6; col++) {
		int piv = col;
		for (int r = col + 1; r < 6; r++)
			if (__builtin_fabs(m[r][col]) > __builtin_fabs(m[piv][col]))
				piv = r;
		if (piv != col) {
			for (int k = 0; k < 6; k++) {
				double t = m[col][k];
				m[col][k] = m[piv][k];
				m[piv][k] = t;
			}
			det = -det;
		}
		det *= m[col][col];
		for (int r = col + 1; r < 6; r++) {
			double f = m[r][col] / m[col][col];
			for (int k = col; k < 6; k++)
				m[r][k] -= f * m[col][k];
		}
	}
	return det;
}

int main(int argc, char **argv, char **envp)
{
	double small[6][6];
	uint64_t st = 48;

	for (int i = 0; i < N; i++)
		for (int j = 0; j < N; j++) {
			A[i][j] = (double)((int64_t)(rt_rand(&st) % 2001) - 1000) / 997.0;
			B[i][j] = 1.0 / (double)(i + j + 1);
			Af[i][j] = (float)A[i][j];
			Bf[i][j] = (float)B[i][j];
		}
	mul_ijk(C1, A, B);
	mul_ikj(C2, A, B);
	mul_f(Cf, Af, Bf);
	rt_printf("ijk %016lx ikj %016lx\n", digest(C1), digest(C2));
	rt_show_f64("C[0][0]", C1[0][0]);
	rt_show_f64("C[47][13]", C1[47][13]);
	rt_show_f64("ikj C[47][13]", C2[47][13]);
	rt_show_f32("float C[5][7]", Cf[5][7]);
	for (int i = 0; i < 6; i++)
		for (int j = 0; j < 6; j++)
			small[i][j] = A[i][j] + (i == j ? 4.0 : 0.0);
	rt_show_f64("det", determinant(small));
	return 0;
}
