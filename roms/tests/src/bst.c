/* Workload: a binary search tree on the brk heap: insertions, lookups,
 * deletions, in-order traversal and height, plus a linked list reversal. */
#include "rt.h"

struct node { long key; long count; struct node *left, *right; };

static struct node *insert(struct node *t, long key)
{
	struct node **p = &t;

	while (*p) {
		if (key == (*p)->key) {
			(*p)->count++;
			return t;
		}
		p = key < (*p)->key ? &(*p)->left : &(*p)->right;
	}
	*p = rt_alloc(sizeof(struct node));
	(*p)->key = key;
	(*p)->count = 1;
	return t;
}

static struct node *erase(struct node *t, long key)
{
	if (!t)
		return NULL;
	if (key < t->key) {
		t->left = erase(t->left, key);
	} else if (key > t->key) {
		t->right = erase(t->right, key);
	} else if (!t->left) {
		return t->right;
	} else if (!t->right) {
		return t->left;
	} else {
		struct node *m = t->right;
		while (m->left)
			m = m->left;
		t->key = m->key;
		t->count = m->count;
		t->right = erase(t->right, m->key);
	}
	return t;
}

static int height(const struct node *t)
{
	int l, r;

	if (!t)
		return 0;
	l = height(t->left);
	r = height(t->right);
	return 1 + (l > r ? l : r);
}

static void walk(const struct node *t, uint64_t *h, long *n, long *prev, int *ordered)
{
	if (!t)
		return;
	walk(t->left, h, n, prev, ordered);
	*ordered &= t->key > *prev;
	*prev = t->key;
	*h = *h * 31 + (uint64_t)t->key * (uint64_t)t->count;
	(*n)++;
	walk(t->right, h, n, prev, ordered);
}

struct item { int v; struct item *next; };

int main(int argc, char **argv, char **envp)
{
	struct node *root = NULL;
	struct item *list = NULL, *rev = NULL;
	uint64_t st = 5, h;
	long n, prev, found = 0;
	int i, ordered;

	for (i = 0; i < 5000; i++)
		root = insert(root, (long)(rt_rand(&st) % 20000));
	h = 0, n = 0, prev = -1, ordered = 1;
	walk(root, &h, &n, &prev, &ordered);
	rt_printf("after inserts: %ld keys, height %d, ordered %d, digest %016lx\n", n, height(root),
		  ordered, h);
	for (i = 0; i < 20000; i += 7) {
		const struct node *t = root;
		while (t && t->key != i)
			t = i < t->key ? t->left : t->right;
		found += t != NULL;
	}
	rt_printf("lookups found %ld\n", found);
	for (i = 0; i < 20000; i += 2)
		root = erase(root, i);
	h = 0, n = 0, prev = -1, ordered = 1;
	walk(root, &h, &n, &prev, &ordered);
	rt_printf("after erasing evens: %ld keys, height %d, ordered %d, digest %016lx\n", n,
		  height(root), ordered, h);

	for (i = 0; i < 1000; i++) {
		struct item *it = rt_alloc(sizeof(*it));
		it->v = i * i % 1009;
		it->next = list;
		list = it;
	}
	while (list) {
		struct item *next = list->next;
		list->next = rev;
		rev = list;
		list = next;
	}
	for (h = 0; rev; rev = rev->next)
		h = h * 33 + (uint64_t)rev->v;
	rt_printf("list digest %016lx\n", h);
	return 0;
}
