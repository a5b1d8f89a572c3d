// credclient drives a credential helper through the docker-credential-helpers
// `client` package, the code the docker CLI uses to call helpers.
//
//	credclient HELPER store SERVER USER   (the secret on stdin)
//	credclient HELPER get SERVER          (prints the username)
//	credclient HELPER erase SERVER
//	credclient HELPER list                (prints SERVER=USER lines, sorted)
//
// Exit 0 on success, 3 when the client reports "credentials not found",
// 1 on any other error (printed on stderr).
package main

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/docker/docker-credential-helpers/client"
	"github.com/docker/docker-credential-helpers/credentials"
)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: credclient HELPER store|get|erase|list [SERVER [USER]]")
		os.Exit(2)
	}
	program := client.NewShellProgramFunc(os.Args[1])
	args := os.Args[3:]
	var err error
	switch os.Args[2] {
	case "store":
		var secret []byte
		secret, err = io.ReadAll(os.Stdin)
		if err == nil {
			err = client.Store(program, &credentials.Credentials{
				ServerURL: args[0], Username: args[1], Secret: string(secret),
			})
		}
	case "get":
		var creds *credentials.Credentials
		creds, err = client.Get(program, args[0])
		if err == nil {
			fmt.Println(creds.Username)
		}
	case "erase":
		err = client.Erase(program, args[0])
	case "list":
		var all map[string]string
		all, err = client.List(program)
		lines := []string{}
		for server, user := range all {
			lines = append(lines, server+"="+user)
		}
		sort.Strings(lines)
		if err == nil && len(lines) > 0 {
			fmt.Println(strings.Join(lines, "\n"))
		}
	default:
		err = fmt.Errorf("unknown action %q", os.Args[2])
	}
	if credentials.IsErrCredentialsNotFound(err) {
		fmt.Println("not-found")
		os.Exit(3)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "credclient:", err)
		os.Exit(1)
	}
}
