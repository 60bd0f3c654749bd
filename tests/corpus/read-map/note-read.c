/*
 * expect: build=pass open=pass size=pass mmap=pass run=pass output=pass munmap=pass close=pass valgrind=pass error-open=fail error-mmap=pass empty-file=fail
 * why: 노트(docs-ko/note-original.md)의 읽기 프로그램을 한 글자도 바꾸지 않고 그대로 옮긴 것이다 (이 주석만 덧붙였다).
 * why: 정상 파일에서는 O_RDONLY로 열고 fstat으로 크기를 얻은 뒤 PROT_READ, MAP_SHARED로 전체를 매핑해 형식대로 출력하고 같은 길이로 munmap, close 하므로 1~3단계 검사를 모두 통과한다. argc, argv를 쓰지 않아 경고가 나지만 경고는 build를 실패시키지 않는다.
 * why: 파일이 없으면 "can't open file"을 표준 출력(printf)에 쓰고 종료하므로 표준 에러에 메시지가 없어 error-open은 실패한다.
 * why: mmap이 ENOMEM으로 실패하면 perror로 표준 에러에 쓰고 EXIT_FAILURE로 끝나므로 error-mmap은 통과한다.
 * why: 빈 파일에서는 "File size is 0"을 출력한 뒤 길이 0으로 mmap을 시도하고 이것이 EINVAL로 실패해 종료 코드 1로 끝나므로 empty-file은 실패한다 (빈 파일은 매핑하지 말고 0을 반환해야 한다).
 */
#include <stdlib.h>
#include <stdio.h>
#include <stdint.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/mman.h>
#include <unistd.h>

int main(int argc, const char *argv[]) {
        char *filepath = "link.txt";
        struct stat fileInfo;   // 구조체 (stat)
        int fd;
        fd = open(filepath, O_RDONLY, (mode_t)0600);
        if (fd < 0) {
                printf("can't open file\n");
                exit(EXIT_FAILURE);
        }

        fstat(fd, &fileInfo);   // 파일정보를 특정 구조체에 넣어준다.
        printf("File size is %ji\n", (intmax_t)fileInfo.st_size);
        char *map = mmap(0, fileInfo.st_size, PROT_READ, MAP_SHARED, fd, 0);    // 파일의 첫번째부터 시작해서/ 파일 전체 사이즈만큼 / 읽기모드로 / 다른프로세스도 참조할수있을만한 주소공간에 / 해당 파일을 첫번째부터 전체까지 매핑 시켜라
        if (map == MAP_FAILED) {
                close(fd);
                perror("Error mmapping the file");
                exit(EXIT_FAILURE);
        }
        // no need of scheduling, just access memory
        for (off_t i = 0; i <fileInfo.st_size; i++) {
                printf("Found character %c at %ji\n", map[i], (intmax_t)i);
        }

        if (munmap(map, fileInfo.st_size) == -1) {
                close(fd);
                perror("Error un-mmapping the file");
                exit(EXIT_FAILURE);
        }
        close(fd);
        return 0;
}
