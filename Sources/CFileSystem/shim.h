#ifndef CFILESYSTEM_SHIM_H
#define CFILESYSTEM_SHIM_H
#include <sys/types.h>
#include <sys/xattr.h>
#endif
