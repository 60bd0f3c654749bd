/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass content=pass msync=pass munmap=pass close=pass valgrind=pass error-open=pass error-mmap=pass error-msync=fail short-file=fail
 * why: 노트(docs-ko/note-original.md)의 쓰기 프로그램을 한 글자도 바꾸지 않고 그대로 옮긴 것이다 (이 주석만 덧붙였다).
 * why: 정상 파일에서는 O_RDWR로 열고 fstat으로 크기를 얻어 PROT_READ|PROT_WRITE, MAP_SHARED로 매핑하고 "hello mmap!" 11바이트를 쓴 뒤 파일 전체 길이로 msync(MS_SYNC), munmap, close 하므로 1~4단계 검사를 모두 통과한다. printf("%ld", strlen(...)) 등은 경고만 낸다.
 * why: 파일 열기와 mmap 실패는 perror로 표준 에러에 알리고 EXIT_FAILURE로 끝나므로 error-open, error-mmap은 통과한다.
 * why: msync가 EIO로 실패하면 perror로 알리기만 하고 계속 진행해 종료 코드 0으로 끝나므로 error-msync는 실패한다.
 * why: 파일이 11바이트보다 짧으면 파일을 늘리지도 거부하지도 않고 파일 끝 너머(마지막 페이지의 0으로 채워진 나머지)에 조용히 쓴다. 그 바이트는 파일에 반영되지 않아 3바이트 파일은 "hel"이 되고 종료 코드는 0이므로 short-file은 실패한다.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>
#include <sys/stat.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <string.h>

int main(int argc, const char *argv[])
{
        struct stat fileInfo;
        char *filepath = "link.txt";
        char *update = "hello mmap!";
        int fd = open(filepath, O_RDWR, (mode_t)0600);
        if (fd == -1) {
                perror("Error opening file for writing");
                exit(EXIT_FAILURE);
        }
        fstat(fd, &fileInfo);
        printf("%ld\n", fileInfo.st_size);
        char *map = mmap(0, fileInfo.st_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        if (map == MAP_FAILED) {
                close(fd);
                perror("Error mmaping the file");
                exit(EXIT_FAILURE);
        }

        printf("%ld", strlen(update));
        for (size_t i = 0; i <strlen(update); i++) {
                printf("Writing character %c at %zu\n", update[i], i);
                map[i] = update[i];
        }

        if (msync(map, fileInfo.st_size, MS_SYNC) == -1) {
                perror("Could not sync the file to disk");
        }
        if (munmap(map, fileInfo.st_size) == -1) {
                close(fd);
                perror("Error un-mapping the file");
                exit(EXIT_FAILURE);
        }
        close(fd);
        return 0;
}
