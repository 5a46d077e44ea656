/* Sorting with comparison callbacks: a generic quicksort (qsort-like, with
 * an insertion-sort cut-off), merge sort and heap sort over integers,
 * strings and records; results are verified and summarised. */
#include "rt.h"

typedef int (*cmp_fn)(const void *, const void *);

static void swap_bytes(char *a, char *b, size_t size)
{
	while (size--) {
		char t = *a;
		*a++ = *b;
		*b++ = t;
	}
}

static void quick_sort(void *base, size_t n, size_t size, cmp_fn cmp)
{
	char *a = base;

	while (n > 8) {
		size_t i = 0, j = n - 1, mid = n / 2;
		char *pivot;

		/* Median of three moved to the end as the pivot. */
		if (cmp(a + mid * size, a) < 0)
			swap_bytes(a + mid * size, a, size);
		if (cmp(a + j * size, a) < 0)
			swap_bytes(a + j * size, a, size);
		if (cmp(a + mid * size, a + j * size) < 0)
			swap_bytes(a + mid * size, a + j * size, size);
		pivot = a + j * size;
		for (i = 0; i < j; i++)
			if (cmp(a + i * size, pivot) < 0)
				break;
		{
			size_t store = 0, k;
			for (k = 0; k < j; k++)
				if (cmp(a + k * size, pivot) < 0)
					swap_bytes(a + k * size, a + store++ * size, size);
			swap_bytes(a + store * size, pivot, size);
			/* Recurse into the smaller side, loop on the larger. */
			if (store < n - store - 1) {
				quick_sort(a, store, size, cmp);
				a += (store + 1) * size;
				n -= store + 1;
			} else {
				quick_sort(a + (store + 1) * size, n - store - 1, size, cmp);
				n = store;
			}
		}
	}
	{
		size_t i, j;
		for (i = 1; i < n; i++)
			for (j = i; j > 0 && cmp(a + (j - 1) * size, a + j * size) > 0; j--)
				swap_bytes(a + (j - 1) * size, a + j * size, size);
	}
}

static void merge_sort(long *v, long *tmp, size_t n)
{
	size_t mid = n / 2, i = 0, j = mid, k = 0;

	if (n < 2)
		return;
	merge_sort(v, tmp, mid);
	merge_sort(v + mid, tmp, n - mid);
	while (i < mid && j < n)
		tmp[k++] = v[j] < v[i] ? v[j++] : v[i++];
	while (i < mid)
		tmp[k++] = v[i++];
	while (j < n)
		tmp[k++] = v[j++];
	memcpy(v, tmp, n * sizeof(*v));
}

static void sift(uint32_t *h, size_t i, size_t n)
{
	for (;;) {
		size_t c = 2 * i + 1;
		uint32_t t;
		if (c >= n)
			return;
		if (c + 1 < n && h[c + 1] > h[c])
			c++;
		if (h[i] >= h[c])
			return;
		t = h[i];
		h[i] = h[c];
		h[c] = t;
		i = c;
	}
}

static void heap_sort(uint32_t *h, size_t n)
{
	size_t i;

	for (i = n / 2; i-- > 0;)
		sift(h, i, n);
	while (n > 1) {
		uint32_t t = h[0];
		h[0] = h[--n];
		h[n] = t;
		sift(h, 0, n);
	}
}

struct person { char name[12]; int age; long id; };

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}
static int cmp_int_desc(const void *a, const void *b) { return cmp_int(b, a); }
static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}
/* By age, then by name: a total order, so the result is unique. */
static int cmp_person(const void *a, const void *b)
{
	const struct person *p = a, *q = b;
	if (p->age != q->age)
		return p->age < q->age ? -1 : 1;
	return strcmp(p->name, q->name);
}

static unsigned long calls;
static int counting_cmp(const void *a, const void *b)
{
	calls++;
	return cmp_int(a, b);
}

int main(int argc, char **argv, char **envp)
{
	enum { N = 3000 };
	static int v[N];
	static long w[N], tmp[N];
	static uint32_t u[N];
	static const char *names[] = { "pear", "apple", "fig", "banana", "cherry", "date",
		"apricot", "kiwi", "lime", "mango", "nectarine", "olive", "grape" };
	static struct person people[40];
	uint64_t st = 2024, h = 0;
	unsigned i, bad = 0;

	for (i = 0; i < N; i++) {
		v[i] = (int)(rt_rand(&st) % 100000) - 50000;
		w[i] = (long)rt_rand(&st);
		u[i] = (uint32_t)rt_rand(&st);
	}
	quick_sort(v, N, sizeof(int), cmp_int);
	for (i = 1; i < N; i++)
		bad += v[i - 1] > v[i];
	rt_printf("ints: min %d median %d max %d, unordered pairs %u\n", v[0], v[N / 2], v[N - 1], bad);
	quick_sort(v, N, sizeof(int), cmp_int_desc);
	rt_printf("descending: %d %d %d\n", v[0], v[1], v[N - 1]);
	calls = 0;
	quick_sort(v, N, sizeof(int), counting_cmp);
	rt_printf("re-sort of reversed input: %lu comparisons\n", calls);

	merge_sort(w, tmp, N);
	for (i = 1, bad = 0; i < N; i++)
		bad += w[i - 1] > w[i];
	for (i = 0; i < N; i += 100)
		h = h * 31 + (uint64_t)w[i];
	rt_printf("merge sort: digest %016lx, unordered pairs %u\n", h, bad);

	heap_sort(u, N);
	for (i = 1, bad = 0; i < N; i++)
		bad += u[i - 1] > u[i];
	rt_printf("heap sort: %08x %08x %08x, unordered pairs %u\n", u[0], u[N / 3], u[N - 1], bad);

	quick_sort(names, RT_ARRAY_LEN(names), sizeof(names[0]), cmp_str);
	for (i = 0; i < RT_ARRAY_LEN(names); i++)
		rt_printf("%s%c", names[i], i + 1 < RT_ARRAY_LEN(names) ? ' ' : '\n');

	for (i = 0; i < RT_ARRAY_LEN(people); i++) {
		strcpy(people[i].name, names[i % RT_ARRAY_LEN(names)]);
		people[i].name[0] = (char)(people[i].name[0] + i / RT_ARRAY_LEN(names));
		people[i].age = (int)(rt_rand(&st) % 7) + 20;
		people[i].id = (long)i;
	}
	quick_sort(people, RT_ARRAY_LEN(people), sizeof(people[0]), cmp_person);
	for (i = 0; i < RT_ARRAY_LEN(people); i += 4)
		rt_printf("%d:%s:%ld ", people[i].age, people[i].name, people[i].id);
	rt_printf("\n");
	return 0;
}
