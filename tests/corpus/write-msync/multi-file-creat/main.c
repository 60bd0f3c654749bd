#include "mapping.h"

#include <string.h>

int main(int argc, char *argv[])
{
	static const char msg[] = "hello mmap!";
	struct mapping m;

	if (mapping_open(&m, argc > 1 ? argv[1] : "link.txt", strlen(msg)) < 0)
		return 1;
	memcpy(m.addr, msg, strlen(msg));
	if (mapping_sync(&m) < 0) {
		mapping_close(&m);
		return 1;
	}
	return mapping_close(&m) < 0 ? 1 : 0;
}
