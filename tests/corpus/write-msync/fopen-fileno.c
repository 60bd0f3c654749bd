/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass content=pass msync=pass munmap=pass close=pass valgrind=pass error-open=pass error-mmap=pass error-msync=pass short-file=pass
 * why: fopen(path, "r+")로 열어(O_RDWR 열기와 같다) fileno로 얻은 기술자로 fstat, ftruncate, mmap을 하고 매핑 직후 fclose로 닫는다. fclose가 기술자를 닫고 FILE도 해제하므로 close와 valgrind를 통과한다.
 * why: 짧은 파일은 ftruncate로 11바이트까지 늘리고, 나머지 동작도 규칙대로라 모든 검사를 통과해야 한다.
 */
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char *argv[])
{
	const char *path = argc > 1 ? argv[1] : "link.txt";
	const char *msg = "hello mmap!";
	const size_t msglen = strlen(msg);

	FILE *fp = fopen(path, "r+");
	if (!fp) {
		perror(path);
		return 1;
	}
	int fd = fileno(fp);
	struct stat st;
	if (fstat(fd, &st) < 0) {
		perror("fstat");
		fclose(fp);
		return 1;
	}
	size_t size = (size_t)st.st_size;
	if (size < msglen) {
		if (ftruncate(fd, (off_t)msglen) < 0) {
			perror("ftruncate");
			fclose(fp);
			return 1;
		}
		size = msglen;
	}
	char *map = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (map == MAP_FAILED) {
		perror("mmap");
		fclose(fp);
		return 1;
	}
	if (fclose(fp) != 0) {
		perror("fclose");
		munmap(map, size);
		return 1;
	}
	for (size_t i = 0; i < msglen; i++)
		map[i] = msg[i];
	if (msync(map, size, MS_SYNC) < 0) {
		perror("msync");
		munmap(map, size);
		return 1;
	}
	if (munmap(map, size) < 0) {
		perror("munmap");
		return 1;
	}
	return 0;
}
