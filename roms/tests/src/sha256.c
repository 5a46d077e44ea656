/* SHA-256 of the standard test vectors and of a 64 KiB buffer fed in
 * uneven pieces: 32-bit rotates, shifts and additions in a tight loop. */
#include "rt.h"
#include "sha256.h"

static void hash_string(const char *s)
{
	struct sha256 st;
	uint8_t d[32];

	sha256_init(&st);
	sha256_update(&st, s, strlen(s));
	sha256_final(&st, d);
	sha256_print(s[0] ? s : "(empty)", d);
}

int main(int argc, char **argv, char **envp)
{
	static uint8_t buf[65536];
	struct sha256 st;
	uint8_t d[32];
	size_t off, step;
	unsigned i;

	hash_string("");
	hash_string("abc");
	hash_string("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq");
	hash_string("The quick brown fox jumps over the lazy dog");
	for (i = 0; i < sizeof(buf); i++)
		buf[i] = (uint8_t)(i ^ (i >> 8) ^ (i >> 13));
	sha256_init(&st);
	for (off = 0, step = 1; off < sizeof(buf); off += step, step = step * 3 % 1021 + 1)
		sha256_update(&st, buf + off, step < sizeof(buf) - off ? step : sizeof(buf) - off);
	sha256_final(&st, d);
	sha256_print("64 KiB in pieces", d);
	sha256_init(&st);
	sha256_update(&st, buf, sizeof(buf));
	sha256_final(&st, d);
	sha256_print("64 KiB at once", d);
	return 0;
}
