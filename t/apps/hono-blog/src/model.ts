// Posts kept in Workers KV, one JSON value per post under "v1:post:ID".
export interface Post {
  id: string
  title: string
  body: string
}

export type Param = {
  title: string
  body: string
}

const PREFIX = 'v1:post:'

const keyOf = (id: string) => `${PREFIX}${id}`

export const getPosts = async (KV: KVNamespace): Promise<Post[]> => {
  const list = await KV.list({ prefix: PREFIX })
  const posts: Post[] = []
  for (const key of list.keys) {
    const value = await KV.get(key.name)
    if (value) {
      posts.push(JSON.parse(value) as Post)
    }
  }
  return posts
}

export const getPost = async (KV: KVNamespace, id: string): Promise<Post | undefined> => {
  const value = await KV.get(keyOf(id))
  if (!value) return
  return JSON.parse(value) as Post
}

export const createPost = async (KV: KVNamespace, param: Param): Promise<Post | undefined> => {
  if (!(param && param.title && param.body)) return
  const id = crypto.randomUUID()
  const newPost: Post = { id: id, title: param.title, body: param.body }
  await KV.put(keyOf(id), JSON.stringify(newPost))
  return newPost
}

export const updatePost = async (KV: KVNamespace, id: string, param: Param): Promise<boolean> => {
  if (!(param && param.title && param.body)) return false
  const post = await getPost(KV, id)
  if (!post) return false
  post.title = param.title
  post.body = param.body
  await KV.put(keyOf(id), JSON.stringify(post))
  return true
}

export const deletePost = async (KV: KVNamespace, id: string): Promise<boolean> => {
  const post = await getPost(KV, id)
  if (!post) return false
  await KV.delete(keyOf(id))
  return true
}
