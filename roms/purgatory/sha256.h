/* SHA-256 (FIPS 180-4), incremental. */
#ifndef PURGATORY_SHA256_H
#define PURGATORY_SHA256_H

#include <stddef.h>
#include <stdint.h>

struct sha256 {
	uint32_t h[8];
	uint64_t length;		/* bytes hashed so far */
	uint8_t block[64];
};

void sha256_init(struct sha256 *s);
void sha256_add(struct sha256 *s, const uint8_t *data, size_t len);
void sha256_final(struct sha256 *s, uint8_t digest[32]);

#endif
