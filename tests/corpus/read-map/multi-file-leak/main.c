#include "mapfile.h"

#include <stdio.h>

int main(int argc, char *argv[])
{
	struct mapfile mf;

	if (mapfile_open(&mf, argc > 1 ? argv[1] : "link.txt") < 0)
		return 1;
	printf("File size is %zu\n", mf.size);
	for (size_t i = 0; i < mf.size; i++)
		printf("Found character %c at %zu\n", mf.data[i], i);
	return mapfile_close(&mf) < 0 ? 1 : 0;
}
