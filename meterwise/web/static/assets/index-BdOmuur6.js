var dc=Object.defineProperty;var fc=(e,t,n)=>t in e?dc(e,t,{enumerable:!0,configurable:!0,writable:!0,value:n}):e[t]=n;var Br=(e,t,n)=>fc(e,typeof t!="symbol"?t+"":t,n);var so,ke,_s,cn,dl,vs,bs,Fo,Gr,Cr,Ss,gi,Jo,Zo,Xr={},eo=[],hc=/acit|ex(?:s|g|n|p|$)|rph|grid|ows|mnc|ntw|ine[ch]|zoo|^ord|itera/i,ao=Array.isArray;function Xt(e,t){for(var n in t)e[n]=t[n];return e}function yi(e){e&&e.parentNode&&e.parentNode.removeChild(e)}function mc(e,t,n){var r,i,s,c={};for(s in t)s=="key"?r=t[s]:s=="ref"?i=t[s]:c[s]=t[s];if(arguments.length>2&&(c.children=arguments.length>3?so.call(arguments,2):n),typeof e=="function"&&e.defaultProps!=null)for(s in e.defaultProps)c[s]===void 0&&(c[s]=e.defaultProps[s]);return jr(e,c,r,i,null)}function jr(e,t,n,r,i){var s={type:e,props:t,key:n,ref:r,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:i??++_s,__i:-1,__u:0};return i==null&&ke.vnode!=null&&ke.vnode(s),s}function ct(e){return e.children}function Yr(e,t){this.props=e,this.context=t}function Tn(e,t){if(t==null)return e.__?Tn(e.__,e.__i+1):null;for(var n;t<e.__k.length;t++)if((n=e.__k[t])!=null&&n.__e!=null)return n.__e;return typeof e.type=="function"?Tn(e):null}function pc(e){if(e.__P&&e.__d){var t=e.__v,n=t.__e,r=[],i=[],s=Xt({},t);s.__v=t.__v+1,ke.vnode&&ke.vnode(s),wi(e.__P,s,t,e.__n,e.__P.namespaceURI,32&t.__u?[n]:null,r,n??Tn(t),!!(32&t.__u),i),s.__v=t.__v,s.__.__k[s.__i]=s,$s(r,s,i),t.__e=t.__=null,s.__e!=n&&ks(s)}}function ks(e){if((e=e.__)!=null&&e.__c!=null)return e.__e=e.__c.base=null,e.__k.some(function(t){if(t!=null&&t.__e!=null)return e.__e=e.__c.base=t.__e}),ks(e)}function fl(e){(!e.__d&&(e.__d=!0)&&cn.push(e)&&!to.__r++||dl!=ke.debounceRendering)&&((dl=ke.debounceRendering)||vs)(to)}function to(){try{for(var e,t=1;cn.length;)cn.length>t&&cn.sort(bs),e=cn.shift(),t=cn.length,pc(e)}finally{cn.length=to.__r=0}}function As(e,t,n,r,i,s,c,f,p,d,_){var m,u,y,b,v,A,C=r&&r.__k||eo,k=t.length;for(p=gc(n,t,C,p,k),m=0;m<k;m++)(y=n.__k[m])!=null&&(u=y.__i!=-1&&C[y.__i]||Xr,y.__i=m,A=wi(e,y,u,i,s,c,f,p,d,_),b=y.__e,y.ref&&u.ref!=y.ref&&(u.ref&&_i(u.ref,null,y),_.push(y.ref,y.__c||b,y)),v==null&&b!=null&&(v=b),4&y.__u?(p=Cs(y,p,e),u.__e&&(u.__e=null)):typeof y.type=="function"&&A!==void 0?p=A:b&&(p=b.nextSibling),y.__u&=-7);return n.__e=v,p}function gc(e,t,n,r,i){var s,c,f,p,d,_=n.length,m=_,u=0;for(e.__k=new Array(i),s=0;s<i;s++)(c=t[s])!=null&&typeof c!="boolean"&&typeof c!="function"?(typeof c=="string"||typeof c=="number"||typeof c=="bigint"||c.constructor==String?c=e.__k[s]=jr(null,c,null,null,null):ao(c)?c=e.__k[s]=jr(ct,{children:c},null,null,null):c.constructor===void 0&&c.__b>0?c=e.__k[s]=jr(c.type,c.props,c.key,c.ref?c.ref:null,c.__v):e.__k[s]=c,p=s+u,c.__=e,c.__b=e.__b+1,f=null,(d=c.__i=yc(c,n,p,m))!=-1&&(m--,(f=n[d])&&(f.__u|=2)),f==null||f.__v==null?(d==-1&&(i>_?u--:i<_&&u++),typeof c.type!="function"&&(c.__u|=4)):d!=p&&(d==p-1?u--:d==p+1?u++:(d>p?u--:u++,c.__u|=4))):e.__k[s]=null;if(m)for(s=0;s<_;s++)(f=n[s])!=null&&!(2&f.__u)&&(f.__e==r&&(r=Tn(f)),Ds(f,f));return r}function Cs(e,t,n){var r,i;if(typeof e.type=="function"){for(r=e.__k,i=0;r&&i<r.length;i++)r[i]&&(r[i].__=e,t=Cs(r[i],t,n));return t}e.__e!=t&&(t&&e.type&&!t.parentNode&&(t=Tn(e)),t=n.insertBefore(e.__e,t||null));do t=t&&t.nextSibling;while(t!=null&&t.nodeType==8);return t}function yc(e,t,n,r){var i,s,c,f=e.key,p=e.type,d=t[n],_=d!=null&&(2&d.__u)==0;if(d===null&&f==null||_&&f==d.key&&p==d.type)return n;if(r>(_?1:0)){for(i=n-1,s=n+1;i>=0||s<t.length;)if((d=t[c=i>=0?i--:s++])!=null&&!(2&d.__u)&&f==d.key&&p==d.type)return c}return-1}function hl(e,t,n){t[0]=="-"?e.setProperty(t,n??""):e[t]=n==null?"":typeof n!="number"||hc.test(t)?n:n+"px"}function Fr(e,t,n,r,i){var s,c;e:if(t=="style")if(typeof n=="string")e.style.cssText=n;else{if(typeof r=="string"&&(e.style.cssText=r=""),r)for(t in r)n&&t in n||hl(e.style,t,"");if(n)for(t in n)r&&n[t]==r[t]||hl(e.style,t,n[t])}else if(t[0]=="o"&&t[1]=="n")s=t!=(t=t.replace(Ss,"$1")),c=t.toLowerCase(),t=c in e||t=="onFocusOut"||t=="onFocusIn"?c.slice(2):t.slice(2),e.l||(e.l={}),e.l[t+s]=n,n?r?n[Cr]=r[Cr]:(n[Cr]=gi,e.addEventListener(t,s?Zo:Jo,s)):e.removeEventListener(t,s?Zo:Jo,s);else{if(i=="http://www.w3.org/2000/svg")t=t.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(t!="width"&&t!="height"&&t!="href"&&t!="list"&&t!="form"&&t!="tabIndex"&&t!="download"&&t!="rowSpan"&&t!="colSpan"&&t!="role"&&t!="popover"&&t in e)try{e[t]=n??"";break e}catch{}typeof n=="function"||(n==null||n===!1&&t[4]!="-"?e.removeAttribute(t):e.setAttribute(t,t=="popover"&&n==1?"":n))}}function ml(e){return function(t){if(this.l){var n=this.l[t.type+e];if(t[Gr]==null)t[Gr]=gi++;else if(t[Gr]<n[Cr])return;return n(ke.event?ke.event(t):t)}}}function wi(e,t,n,r,i,s,c,f,p,d){var _,m,u,y,b,v,A,C,k,E,$,M,R,J,W,G,V=t.type;if(t.constructor!==void 0)return null;128&n.__u&&(p=!!(32&n.__u),s=[f=t.__e=n.__e]),(_=ke.__b)&&_(t);e:if(typeof V=="function"){m=c.length;try{if(k=t.props,E=V.prototype&&V.prototype.render,$=(_=V.contextType)&&r[_.__c],M=_?$?$.props.value:_.__:r,n.__c?C=(u=t.__c=n.__c).__=u.__E:(E?t.__c=u=new V(k,M):(t.__c=u=new Yr(k,M),u.constructor=V,u.render=_c),$&&$.sub(u),u.state||(u.state={}),u.__n=r,y=u.__d=!0,u.__h=[],u._sb=[]),E&&u.__s==null&&(u.__s=u.state),E&&V.getDerivedStateFromProps!=null&&(u.__s==u.state&&(u.__s=Xt({},u.__s)),Xt(u.__s,V.getDerivedStateFromProps(k,u.__s))),b=u.props,v=u.state,u.__v=t,y)E&&V.getDerivedStateFromProps==null&&u.componentWillMount!=null&&u.componentWillMount(),E&&u.componentDidMount!=null&&u.__h.push(u.componentDidMount);else{if(E&&V.getDerivedStateFromProps==null&&k!==b&&u.componentWillReceiveProps!=null&&u.componentWillReceiveProps(k,M),t.__v==n.__v||!u.__e&&u.shouldComponentUpdate!=null&&u.shouldComponentUpdate(k,u.__s,M)===!1){t.__v!=n.__v&&(u.props=k,u.state=u.__s,u.__d=!1),t.__e=n.__e,t.__k=n.__k,t.__k.some(function(P){P&&(P.__=t)}),eo.push.apply(u.__h,u._sb),u._sb=[],u.__h.length&&c.push(u),f=Tn(n);break e}u.componentWillUpdate!=null&&u.componentWillUpdate(k,u.__s,M),E&&u.componentDidUpdate!=null&&u.__h.push(function(){u.componentDidUpdate(b,v,A)})}if(u.context=M,u.props=k,u.__P=e,u.__e=!1,R=ke.__r,J=0,E)u.state=u.__s,u.__d=!1,R&&R(t),_=u.render(u.props,u.state,u.context),eo.push.apply(u.__h,u._sb),u._sb=[];else do u.__d=!1,R&&R(t),_=u.render(u.props,u.state,u.context),u.state=u.__s;while(u.__d&&++J<25);u.state=u.__s,u.getChildContext!=null&&(r=Xt(Xt({},r),u.getChildContext())),E&&!y&&u.getSnapshotBeforeUpdate!=null&&(A=u.getSnapshotBeforeUpdate(b,v)),W=_!=null&&_.type===ct&&_.key==null?Es(_.props.children):_,f=As(e,ao(W)?W:[W],t,n,r,i,s,c,f,p,d),u.base=t.__e,t.__u&=-161,u.__h.length&&c.push(u),C&&(u.__E=u.__=null)}catch(P){if(c.length=m,t.__v=null,p||s!=null){if(P.then){for(t.__u|=p?160:128;f&&f.nodeType==8&&f.nextSibling;)f=f.nextSibling;s!=null&&(s[s.indexOf(f)]=null),t.__e=f}else if(s!=null)for(G=s.length;G--;)yi(s[G])}else t.__e=n.__e;t.__k==null&&(t.__k=n.__k||[]),P.then||Is(t),ke.__e(P,t,n)}}else s==null&&t.__v==n.__v?(t.__k=n.__k,t.__e=n.__e):f=t.__e=wc(n.__e,t,n,r,i,s,c,p,d);return(_=ke.diffed)&&_(t),128&t.__u?void 0:f}function Is(e){e&&(e.__c&&(e.__c.__e=!0),e.__k&&e.__k.some(Is))}function $s(e,t,n){for(var r=0;r<n.length;r++)_i(n[r],n[++r],n[++r]);ke.__c&&ke.__c(t,e),e.some(function(i){try{e=i.__h,i.__h=[],e.some(function(s){s.call(i)})}catch(s){ke.__e(s,i.__v)}})}function Es(e){return typeof e!="object"||e==null||e.__b>0?e:ao(e)?e.map(Es):e.constructor!==void 0?null:Xt({},e)}function wc(e,t,n,r,i,s,c,f,p){var d,_,m,u,y,b,v,A=n.props||Xr,C=t.props,k=t.type;if(k=="svg"?i="http://www.w3.org/2000/svg":k=="math"?i="http://www.w3.org/1998/Math/MathML":i||(i="http://www.w3.org/1999/xhtml"),s!=null){for(d=0;d<s.length;d++)if((y=s[d])&&"setAttribute"in y==!!k&&(k?y.localName==k:y.nodeType==3)){e=y,s[d]=null;break}}if(e==null){if(k==null)return document.createTextNode(C);e=document.createElementNS(i,k,C.is&&C),f&&(ke.__m&&ke.__m(t,s),f=!1),s=null}if(k==null)A===C||f&&e.data==C||(e.data=C);else{if(s=k=="textarea"&&C.defaultValue!=null?null:s&&so.call(e.childNodes),!f&&s!=null)for(A={},d=0;d<e.attributes.length;d++)A[(y=e.attributes[d]).name]=y.value;for(d in A)y=A[d],d=="dangerouslySetInnerHTML"?m=y:d=="children"||d in C||d=="value"&&"defaultValue"in C||d=="checked"&&"defaultChecked"in C||Fr(e,d,null,y,i);for(d in C)y=C[d],d=="children"?u=y:d=="dangerouslySetInnerHTML"?_=y:d=="value"?b=y:d=="checked"?v=y:f&&typeof y!="function"||A[d]===y||Fr(e,d,y,A[d],i);if(_)f||m&&(_.__html==m.__html||_.__html==e.innerHTML)||(e.innerHTML=_.__html),t.__k=[];else if(m&&(e.innerHTML=""),As(t.type=="template"?e.content:e,ao(u)?u:[u],t,n,r,k=="foreignObject"?"http://www.w3.org/1999/xhtml":i,s,c,s?s[0]:n.__k&&Tn(n,0),f,p),s!=null)for(d=s.length;d--;)yi(s[d]);f&&k!="textarea"||(d="value",k=="progress"&&b==null?e.removeAttribute("value"):b!=null&&(b!==e[d]||k=="progress"&&!b||k=="option"&&b!=A[d])&&Fr(e,d,b,A[d],i),d="checked",v!=null&&v!=e[d]&&Fr(e,d,v,A[d],i))}return e}function _i(e,t,n){try{if(typeof e=="function"){var r=typeof e.__u=="function";r&&e.__u(),r&&t==null||(e.__u=e(t))}else e.current=t}catch(i){ke.__e(i,n)}}function Ds(e,t,n){var r,i;if(ke.unmount&&ke.unmount(e),(r=e.ref)&&(r.current&&r.current!=e.__e||_i(r,null,t)),(r=e.__c)!=null){if(r.componentWillUnmount)try{r.componentWillUnmount()}catch(s){ke.__e(s,t)}r.base=r.__P=r.__n=null}if(r=e.__k)for(i=0;i<r.length;i++)r[i]&&Ds(r[i],t,n||typeof e.type!="function");n||yi(e.__e),e.__c=e.__=e.__e=void 0}function _c(e,t,n){return this.constructor(e,n)}function vc(e,t,n){var r,i,s,c;t==document&&(t=document.documentElement),ke.__&&ke.__(e,t),i=(r=!1)?null:t.__k,s=[],c=[],wi(t,e=t.__k=mc(ct,null,[e]),i||Xr,Xr,t.namespaceURI,i?null:t.firstChild?so.call(t.childNodes):null,s,i?i.__e:t.firstChild,r,c),$s(s,e,c),e.props.children=null}so=eo.slice,ke={__e:function(e,t,n,r){for(var i,s,c;t=t.__;)if((i=t.__c)&&!i.__)try{if((s=i.constructor)&&s.getDerivedStateFromError!=null&&(i.setState(s.getDerivedStateFromError(e)),c=i.__d),i.componentDidCatch!=null&&(i.componentDidCatch(e,r||{}),c=i.__d),c)return i.__E=i}catch(f){e=f}throw e}},_s=0,Yr.prototype.setState=function(e,t){var n;n=this.__s!=null&&this.__s!=this.state?this.__s:this.__s=Xt({},this.state),typeof e=="function"&&(e=e(Xt({},n),this.props)),e&&Xt(n,e),e!=null&&this.__v&&(t&&this._sb.push(t),fl(this))},Yr.prototype.forceUpdate=function(e){this.__v&&(this.__e=!0,e&&this.__h.push(e),fl(this))},Yr.prototype.render=ct,cn=[],vs=typeof Promise=="function"?Promise.prototype.then.bind(Promise.resolve()):setTimeout,bs=function(e,t){return e.__v.__b-t.__v.__b},to.__r=0,Fo=Math.random().toString(8),Gr="__d"+Fo,Cr="__a"+Fo,Ss=/(PointerCapture)$|Capture$/i,gi=0,Jo=ml(!1),Zo=ml(!0);var bc=0;function o(e,t,n,r,i,s){t||(t={});var c,f,p=t;if("ref"in p)for(f in p={},t)f=="ref"?c=t[f]:p[f]=t[f];var d={type:e,props:p,key:n,ref:c,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:--bc,__i:-1,__u:0,__source:i,__self:s};if(typeof e=="function"&&(c=e.defaultProps))for(f in c)p[f]===void 0&&(p[f]=c[f]);return ke.vnode&&ke.vnode(d),d}var Er,Oe,Ho,pl,no=0,Ts=[],qe=ke,gl=qe.__b,yl=qe.__r,wl=qe.diffed,_l=qe.__c,vl=qe.unmount,bl=qe.__;function vi(e,t){qe.__h&&qe.__h(Oe,e,no||t),no=0;var n=Oe.__H||(Oe.__H={__:[],__h:[]});return e>=n.__.length&&n.__.push({}),n.__[e]}function L(e){return no=1,Sc(Ps,e)}function Sc(e,t,n){var r=vi(Er++,2);if(r.t=e,!r.__c&&(r.__=[Ps(void 0,t),function(f){var p=r.__N?r.__N[0]:r.__[0],d=r.t(p,f);p!==d&&(r.__N=[d,r.__[1]],r.__c.setState({}))}],r.__c=Oe,!Oe.__f)){var i=function(f,p,d){if(!r.__c.__H)return!0;var _=!1,m=r.__c.props!==f;if(r.__c.__H.__.some(function(y){if(y.__N){_=!0;var b=y.__[0];y.__=y.__N,y.__N=void 0,b!==y.__[0]&&(m=!0)}}),s){var u=s.call(this,f,p,d);return _?u||m:u}return!_||m};Oe.__f=!0;var s=Oe.shouldComponentUpdate,c=Oe.componentWillUpdate;Oe.componentWillUpdate=function(f,p,d){if(this.__e){var _=s;s=void 0,i(f,p,d),s=_}c&&c.call(this,f,p,d)},Oe.shouldComponentUpdate=i}return r.__N||r.__}function ht(e,t){var n=vi(Er++,3);!qe.__s&&Ns(n.__H,t)&&(n.__=e,n.u=t,Oe.__H.__h.push(n))}function kc(e){return no=5,Rs(function(){return{current:e}},[])}function Rs(e,t){var n=vi(Er++,7);return Ns(n.__H,t)&&(n.__=e(),n.__H=t,n.__h=e),n.__}function Ac(){for(var e;e=Ts.shift();){var t=e.__H;if(e.__P&&t)try{t.__h.some(Qr),t.__h.some(Xo),t.__h=[]}catch(n){t.__h=[],qe.__e(n,e.__v)}}}qe.__b=function(e){Oe=null,gl&&gl(e)},qe.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),bl&&bl(e,t)},qe.__r=function(e){yl&&yl(e),Er=0;var t=(Oe=e.__c).__H;t&&(Ho===Oe?(t.__h=[],Oe.__h=[],t.__.some(function(n){n.__N&&(n.__=n.__N),n.u=n.__N=void 0})):(t.__h.some(Qr),t.__h.some(Xo),t.__h=[],Er=0)),Ho=Oe},qe.diffed=function(e){wl&&wl(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&(Ts.push(t)!==1&&pl===qe.requestAnimationFrame||((pl=qe.requestAnimationFrame)||Cc)(Ac)),t.__H.__.some(function(n){n.u&&(n.__H=n.u,n.u=void 0)})),Ho=Oe=null},qe.__c=function(e,t){t.some(function(n){try{n.__h.some(Qr),n.__h=n.__h.filter(function(r){return!r.__||Xo(r)})}catch(r){t.some(function(i){i.__h&&(i.__h=[])}),t=[],qe.__e(r,n.__v)}}),_l&&_l(e,t)},qe.unmount=function(e){vl&&vl(e);var t,n=e.__c;n&&n.__H&&(n.__H.__.some(function(r){try{Qr(r)}catch(i){t=i}}),n.__H=void 0,t&&qe.__e(t,n.__v))};var Sl=typeof requestAnimationFrame=="function";function Cc(e){var t,n=function(){clearTimeout(r),Sl&&cancelAnimationFrame(t),setTimeout(e)},r=setTimeout(n,35);Sl&&(t=requestAnimationFrame(n))}function Qr(e){var t=Oe,n=e.__c;typeof n=="function"&&(e.__c=void 0,n()),Oe=t}function Xo(e){var t=Oe;e.__c=e.__(),Oe=t}function Ns(e,t){return!e||e.length!==t.length||t.some(function(n,r){return n!==e[r]})}function Ps(e,t){return typeof t=="function"?t(e):t}const Ic={csrf:"__Host-mw_csrf"},$c="X-CSRF-Token",xs="/graphql",Ec="/export/usage.csv";class Z extends String{constructor(n,r){super(n);Br(this,"__apiType");Br(this,"value");Br(this,"__meta__");this.value=n,this.__meta__=r}toString(){return this.value}}const Dc=new Z(`
    mutation StepUp($code: String!) {
  verifyMfa(input: {code: $code}) {
    token
    errors {
      code
      message
      field
    }
  }
}
    `),Tc=new Z(`
    mutation LogOut {
  logOut
}
    `),Rc=new Z(`
    mutation LogIn($email: String!, $password: String!) {
  logIn(input: {email: $email, password: $password}) {
    token
    mfaRequired
    mfaToken
    errors {
      code
      message
      field
    }
  }
}
    `),Nc=new Z(`
    mutation VerifyMfa($mfaToken: String!, $code: String!) {
  verifyMfa(input: {mfaToken: $mfaToken, code: $code}) {
    token
    errors {
      code
      message
      field
    }
  }
}
    `),Pc=new Z(`
    mutation SignUp($inviteCode: String!, $email: String!, $password: String!, $accountName: String) {
  signUp(
    input: {inviteCode: $inviteCode, email: $email, password: $password, accountName: $accountName}
  ) {
    token
    errors {
      code
      message
      field
    }
  }
}
    `),xc=new Z(`
    mutation StartTotp($password: String!) {
  startTotpEnrollment(password: $password) {
    secret
    provisioningUri
    qrSvg
    errors {
      code
      message
      field
    }
  }
}
    `),Mc=new Z(`
    mutation ConfirmTotp($code: String!, $password: String!) {
  confirmTotpEnrollment(code: $code, password: $password) {
    recoveryCodes
    errors {
      code
      message
      field
    }
  }
}
    `),Lc=new Z(`
    query Budgets {
  budgets {
    id
    name
    amount
    currency
    period
    periodStart
    periodEnd
    spent
    remaining
    percentUsed
    estimated
    thresholds
    forecastAlert
    forecast {
      amount
      low
      high
      breachAt
    }
  }
}
    `),Oc=new Z(`
    mutation CreateBudget($input: BudgetInput!) {
  createBudget(input: $input) {
    budget {
      id
    }
    errors {
      code
      message
      field
    }
  }
}
    `),Uc=new Z(`
    mutation UpdateBudget($id: ID!, $input: BudgetInput!) {
  updateBudget(id: $id, input: $input) {
    budget {
      id
    }
    errors {
      code
      message
      field
    }
  }
}
    `),qc=new Z(`
    mutation DeleteBudget($id: ID!) {
  deleteBudget(id: $id) {
    deletedId
    errors {
      code
      message
    }
  }
}
    `),Bc=new Z(`
    query Alerts($after: String) {
  alerts(first: 20, after: $after) {
    nodes {
      id
      kind
      severity
      title
      message
      budgetId
      createdAt
      acknowledgedAt
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `),Fc=new Z(`
    mutation AcknowledgeAlert($id: ID!) {
  acknowledgeAlert(id: $id) {
    alert {
      id
      acknowledgedAt
    }
    errors {
      code
      message
    }
  }
}
    `),Hc=new Z(`
    subscription AlertRaised {
  alertRaised {
    id
    kind
    severity
    title
    message
    budgetId
    createdAt
    acknowledgedAt
  }
}
    `),Wc=new Z(`
    query Channels {
  notificationChannels {
    id
    kind
    name
    targetHint
    alertKinds
    createdAt
  }
}
    `),Vc=new Z(`
    mutation CreateChannel($input: NotificationChannelInput!) {
  createNotificationChannel(input: $input) {
    channel {
      id
    }
    secret
    errors {
      code
      message
      field
    }
  }
}
    `),zc=new Z(`
    mutation TestChannel($id: ID!) {
  testNotificationChannel(id: $id) {
    delivery {
      status
      lastError
    }
    errors {
      code
      message
    }
  }
}
    `),Kc=new Z(`
    mutation DeleteChannel($id: ID!) {
  deleteNotificationChannel(id: $id) {
    deletedId
    errors {
      code
      message
    }
  }
}
    `),Gc=new Z(`
    query Connections {
  connections {
    id
    provider
    label
    keyHint
    status
    lastSyncedAt
    lastError
    frozen
  }
}
    `),jc=new Z(`
    mutation Connect($input: ConnectProviderInput!) {
  connectProvider(input: $input) {
    connection {
      id
    }
    errors {
      code
      message
      field
    }
  }
}
    `),Yc=new Z(`
    mutation ReplaceKey($id: ID!, $apiKey: String!) {
  replaceProviderKey(id: $id, apiKey: $apiKey) {
    connection {
      id
    }
    errors {
      code
      message
      field
    }
  }
}
    `),Qc=new Z(`
    mutation RemoveConnection($id: ID!) {
  removeConnection(id: $id) {
    deletedId
    errors {
      code
      message
    }
  }
}
    `),Jc=new Z(`
    mutation SyncNow($id: ID!) {
  syncConnection(id: $id) {
    alreadyActive
    run {
      status
    }
    errors {
      code
      message
    }
  }
}
    `),Zc=new Z(`
    query Usage($filter: UsageFilter!, $month: UsageFilter!, $groupBy: [UsageDimension!], $granularity: Granularity) {
  usage(filter: $filter, groupBy: $groupBy, granularity: $granularity) {
    currency
    totalCost
    costBasis
    inputTokens
    outputTokens
    requests
    series {
      bucketStart
      provider
      model
      project
      apiKey
      connectionId
      cost
      costBasis
      connection {
        label
      }
    }
  }
  month: usage(filter: $month, granularity: MONTH) {
    currency
    totalCost
    costBasis
  }
  connections {
    id
    provider
    label
    status
    lastSyncedAt
    lastError
  }
}
    `),Xc=new Z(`
    query Revisions($filter: UsageFilter!) {
  usageRevisions(filter: $filter, first: 10) {
    edges {
      node {
        id
        kind
        bucketStart
        provider
        model
        project
        lineItem
        currency
        costDelta
        revisedAt
      }
    }
  }
}
    `),eu=new Z(`
    subscription UsageUpdated {
  usageUpdated {
    connectionId
    rowsChanged
  }
}
    `),tu=new Z(`
    subscription SyncStatusLive {
  syncStatus {
    connectionId
    status
    rowsChanged
    error
  }
}
    `),nu=new Z(`
    query Notices {
  notices {
    id
    title
    body
    severity
    createdAt
  }
}
    `),ru=new Z(`
    subscription NoticePosted {
  noticePosted {
    id
    title
    body
    severity
    createdAt
  }
}
    `),ou=new Z(`
    mutation AcknowledgeNotice($id: ID!) {
  acknowledgeNotice(id: $id) {
    notice {
      id
      acknowledgedAt
    }
    errors {
      code
      message
    }
  }
}
    `),iu=new Z(`
    mutation RequiredPasswordChange($input: ChangePasswordInput!) {
  changePassword(input: $input) {
    ok
    errors {
      code
      message
      field
    }
  }
}
    `),lu=new Z(`
    query Members {
  members {
    id
    email
    role
    mfaEnabled
    joinedAt
    lastActiveAt
  }
}
    `),su=new Z(`
    mutation Invite($input: InviteMemberInput!) {
  inviteMember(input: $input) {
    code
    invite {
      expiresAt
    }
    errors {
      code
      message
    }
  }
}
    `),au=new Z(`
    query Invites {
  invites {
    id
    role
    maxUses
    usesLeft
    expiresAt
    createdByEmail
  }
}
    `),cu=new Z(`
    mutation RevokeInvite($id: ID!) {
  revokeInvite(id: $id) {
    invite {
      id
    }
    errors {
      code
      message
    }
  }
}
    `),uu=new Z(`
    mutation ChangeRole($memberId: ID!, $role: Role!) {
  changeMemberRole(memberId: $memberId, role: $role) {
    member {
      id
      role
    }
    errors {
      code
      message
    }
  }
}
    `),du=new Z(`
    mutation RemoveMember($memberId: ID!) {
  removeMember(memberId: $memberId) {
    ok
    errors {
      code
      message
    }
  }
}
    `),fu=new Z(`
    query Tokens {
  apiTokens {
    id
    name
    scope
    ownerEmail
    createdAt
    expiresAt
    lastUsedAt
    active
  }
}
    `),hu=new Z(`
    mutation CreateToken($input: CreateApiTokenInput!) {
  createApiToken(input: $input) {
    token
    errors {
      code
      message
    }
  }
}
    `),mu=new Z(`
    mutation RevokeToken($id: ID!) {
  revokeApiToken(id: $id) {
    errors {
      code
      message
    }
  }
}
    `),pu=new Z(`
    query Sessions {
  sessions {
    id
    email
    ip
    userAgent
    createdAt
    lastSeenAt
    current
  }
}
    `),gu=new Z(`
    mutation RevokeSession($id: ID!) {
  revokeSession(id: $id) {
    ok
    errors {
      code
      message
    }
  }
}
    `),yu=new Z(`
    query Audit($after: String) {
  auditLog(first: 50, after: $after) {
    edges {
      node {
        id
        seq
        action
        actorEmail
        target
        ip
        occurredAt
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `),wu=new Z(`
    query SecurityEvents($after: String) {
  securityEvents(first: 50, after: $after) {
    edges {
      node {
        id
        kind
        severity
        details
        createdAt
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `),_u=new Z(`
    query AccessReview {
  accessReview {
    id
    trigger
    createdAt
    completedAt
    completedBy
    openFindings
    findings {
      id
      kind
      subjectId
      summary
      since
      open
    }
  }
}
    `),vu=new Z(`
    mutation RunAccessReview {
  runAccessReview {
    review {
      id
    }
    errors {
      code
      message
    }
  }
}
    `),bu=new Z(`
    mutation CompleteAccessReview($id: ID!, $note: String) {
  completeAccessReview(id: $id, note: $note) {
    review {
      id
    }
    errors {
      code
      message
    }
  }
}
    `),Su=new Z(`
    query ThirdParties {
  thirdParties {
    kind
    id
    name
    destination
    addedAt
    lastUsedAt
    status
  }
}
    `),ku=new Z(`
    mutation ReviewRevokeToken($id: ID!) {
  revokeApiToken(id: $id) {
    errors {
      code
      message
    }
  }
}
    `),Au=new Z(`
    mutation ReviewRevokeInvite($id: ID!) {
  revokeInvite(id: $id) {
    errors {
      code
      message
    }
  }
}
    `),Cu=new Z(`
    mutation ReviewRemoveMember($memberId: ID!) {
  removeMember(memberId: $memberId) {
    errors {
      code
      message
    }
  }
}
    `),Iu=new Z(`
    mutation UpdateAccount($input: UpdateAccountSettingsInput!) {
  updateAccountSettings(input: $input) {
    account {
      id
      name
      mfaRequired
    }
    errors {
      code
      message
      field
    }
  }
}
    `),$u=new Z(`
    mutation ChangePassword($input: ChangePasswordInput!) {
  changePassword(input: $input) {
    ok
    errors {
      code
      message
      field
    }
  }
}
    `),Eu=new Z(`
    mutation DeleteAccount($input: DeleteAccountInput!) {
  deleteAccount(input: $input) {
    deletedId
    errors {
      code
      message
      field
    }
  }
}
    `),Du=new Z(`
    query Viewer {
  me {
    id
    email
    mfaEnabled
    passwordChangeRequired
  }
}
    `),Tu=new Z(`
    query AccountInfo {
  account {
    id
    name
    role
    mfaRequired
  }
}
    `),Ru={"\n  mutation StepUp($code: String!) {\n    verifyMfa(input: { code: $code }) { token errors { code message field } }\n  }\n":Dc,"mutation LogOut { logOut }":Tc,"\n  mutation LogIn($email: String!, $password: String!) {\n    logIn(input: { email: $email, password: $password }) {\n      token mfaRequired mfaToken errors { code message field }\n    }\n  }\n":Rc,"\n  mutation VerifyMfa($mfaToken: String!, $code: String!) {\n    verifyMfa(input: { mfaToken: $mfaToken, code: $code }) { token errors { code message field } }\n  }\n":Nc,"\n  mutation SignUp($inviteCode: String!, $email: String!, $password: String!, $accountName: String) {\n    signUp(input: { inviteCode: $inviteCode, email: $email, password: $password, accountName: $accountName }) {\n      token errors { code message field }\n    }\n  }\n":Pc,"\n  mutation StartTotp($password: String!) {\n    startTotpEnrollment(password: $password) { secret provisioningUri qrSvg errors { code message field } }\n  }\n":xc,"\n  mutation ConfirmTotp($code: String!, $password: String!) {\n    confirmTotpEnrollment(code: $code, password: $password) { recoveryCodes errors { code message field } }\n  }\n":Mc,"\n  query Budgets {\n    budgets {\n      id name amount currency period periodStart periodEnd spent remaining percentUsed estimated\n      thresholds forecastAlert forecast { amount low high breachAt }\n    }\n  }\n":Lc,"\n  mutation CreateBudget($input: BudgetInput!) { createBudget(input: $input) { budget { id } errors { code message field } } }\n":Oc,"\n  mutation UpdateBudget($id: ID!, $input: BudgetInput!) { updateBudget(id: $id, input: $input) { budget { id } errors { code message field } } }\n":Uc,"\n  mutation DeleteBudget($id: ID!) { deleteBudget(id: $id) { deletedId errors { code message } } }\n":qc,"\n  query Alerts($after: String) {\n    alerts(first: 20, after: $after) {\n      nodes { id kind severity title message budgetId createdAt acknowledgedAt }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n":Bc,"\n  mutation AcknowledgeAlert($id: ID!) { acknowledgeAlert(id: $id) { alert { id acknowledgedAt } errors { code message } } }\n":Fc,"\n  subscription AlertRaised { alertRaised { id kind severity title message budgetId createdAt acknowledgedAt } }\n":Hc,"query Channels { notificationChannels { id kind name targetHint alertKinds createdAt } }":Wc,"\n  mutation CreateChannel($input: NotificationChannelInput!) {\n    createNotificationChannel(input: $input) { channel { id } secret errors { code message field } }\n  }\n":Vc,"\n  mutation TestChannel($id: ID!) { testNotificationChannel(id: $id) { delivery { status lastError } errors { code message } } }\n":zc,"\n  mutation DeleteChannel($id: ID!) { deleteNotificationChannel(id: $id) { deletedId errors { code message } } }\n":Kc,"\n  query Connections { connections { id provider label keyHint status lastSyncedAt lastError frozen } }\n":Gc,"\n  mutation Connect($input: ConnectProviderInput!) {\n    connectProvider(input: $input) { connection { id } errors { code message field } }\n  }\n":jc,"\n  mutation ReplaceKey($id: ID!, $apiKey: String!) {\n    replaceProviderKey(id: $id, apiKey: $apiKey) { connection { id } errors { code message field } }\n  }\n":Yc,"\n  mutation RemoveConnection($id: ID!) { removeConnection(id: $id) { deletedId errors { code message } } }\n":Qc,"\n  mutation SyncNow($id: ID!) { syncConnection(id: $id) { alreadyActive run { status } errors { code message } } }\n":Jc,"\n  query Usage($filter: UsageFilter!, $month: UsageFilter!, $groupBy: [UsageDimension!], $granularity: Granularity) {\n    usage(filter: $filter, groupBy: $groupBy, granularity: $granularity) {\n      currency totalCost costBasis inputTokens outputTokens requests\n      series { bucketStart provider model project apiKey connectionId cost costBasis connection { label } }\n    }\n    month: usage(filter: $month, granularity: MONTH) { currency totalCost costBasis }\n    connections { id provider label status lastSyncedAt lastError }\n  }\n":Zc,"\n  query Revisions($filter: UsageFilter!) {\n    usageRevisions(filter: $filter, first: 10) {\n      edges { node { id kind bucketStart provider model project lineItem currency costDelta revisedAt } }\n    }\n  }\n":Xc,"\n  subscription UsageUpdated { usageUpdated { connectionId rowsChanged } }\n":eu,"\n  subscription SyncStatusLive { syncStatus { connectionId status rowsChanged error } }\n":tu,"\n  query Notices { notices { id title body severity createdAt } }\n":nu,"\n  subscription NoticePosted { noticePosted { id title body severity createdAt } }\n":ru,"\n  mutation AcknowledgeNotice($id: ID!) {\n    acknowledgeNotice(id: $id) { notice { id acknowledgedAt } errors { code message } }\n  }\n":ou,"\n  mutation RequiredPasswordChange($input: ChangePasswordInput!) {\n    changePassword(input: $input) { ok errors { code message field } }\n  }\n":iu,"query Members { members { id email role mfaEnabled joinedAt lastActiveAt } }":lu,"\n  mutation Invite($input: InviteMemberInput!) { inviteMember(input: $input) { code invite { expiresAt } errors { code message } } }\n":su,"query Invites { invites { id role maxUses usesLeft expiresAt createdByEmail } }":au,"mutation RevokeInvite($id: ID!) { revokeInvite(id: $id) { invite { id } errors { code message } } }":cu,"\n  mutation ChangeRole($memberId: ID!, $role: Role!) { changeMemberRole(memberId: $memberId, role: $role) { member { id role } errors { code message } } }\n":uu,"mutation RemoveMember($memberId: ID!) { removeMember(memberId: $memberId) { ok errors { code message } } }":du,"query Tokens { apiTokens { id name scope ownerEmail createdAt expiresAt lastUsedAt active } }":fu,"\n  mutation CreateToken($input: CreateApiTokenInput!) { createApiToken(input: $input) { token errors { code message } } }\n":hu,"mutation RevokeToken($id: ID!) { revokeApiToken(id: $id) { errors { code message } } }":mu,"query Sessions { sessions { id email ip userAgent createdAt lastSeenAt current } }":pu,"mutation RevokeSession($id: ID!) { revokeSession(id: $id) { ok errors { code message } } }":gu,"\n  query Audit($after: String) {\n    auditLog(first: 50, after: $after) {\n      edges { node { id seq action actorEmail target ip occurredAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n":yu,"\n  query SecurityEvents($after: String) {\n    securityEvents(first: 50, after: $after) {\n      edges { node { id kind severity details createdAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n":wu,"\n  query AccessReview { accessReview { id trigger createdAt completedAt completedBy openFindings\n    findings { id kind subjectId summary since open } } }\n":_u,"mutation RunAccessReview { runAccessReview { review { id } errors { code message } } }":vu,"\n  mutation CompleteAccessReview($id: ID!, $note: String) { completeAccessReview(id: $id, note: $note) { review { id } errors { code message } } }\n":bu,"query ThirdParties { thirdParties { kind id name destination addedAt lastUsedAt status } }":Su,"mutation ReviewRevokeToken($id: ID!) { revokeApiToken(id: $id) { errors { code message } } }":ku,"mutation ReviewRevokeInvite($id: ID!) { revokeInvite(id: $id) { errors { code message } } }":Au,"mutation ReviewRemoveMember($memberId: ID!) { removeMember(memberId: $memberId) { errors { code message } } }":Cu,"\n  mutation UpdateAccount($input: UpdateAccountSettingsInput!) {\n    updateAccountSettings(input: $input) { account { id name mfaRequired } errors { code message field } }\n  }\n":Iu,"\n  mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) { ok errors { code message field } } }\n":$u,"\n  mutation DeleteAccount($input: DeleteAccountInput!) { deleteAccount(input: $input) { deletedId errors { code message field } } }\n":Eu,"\n  query Viewer {\n    me { id email mfaEnabled passwordChangeRequired }\n  }\n":Du,"\n  query AccountInfo {\n    account { id name role mfaRequired }\n  }\n":Tu};function X(e){return Ru[e]??{}}class Jr extends Error{constructor(t,n,r){super(n),this.code=t,this.retryAfter=r}}const Nu={UNAUTHENTICATED:"Your session has ended. Sign in again.",FORBIDDEN:"Your role does not allow this.",MFA_REQUIRED:"Set up two-factor authentication first.",PASSWORD_CHANGE_REQUIRED:"Choose a new password to continue.",QUERY_TOO_COMPLEX:"That request is too large; narrow the range or filters."};function Pu(e){for(const t of document.cookie.split(";")){const[n,...r]=t.trim().split("=");if(n===e)return decodeURIComponent(r.join("="))}return null}function Ms(){const e=Pu(Ic.csrf);return e?{[$c]:e}:{}}let Ls=null;const ei=new Set;function xu(){return Ls}function En(e){Ls=e,ei.forEach(t=>t())}function Mu(e){return ei.add(e),()=>ei.delete(e)}const ti=new Set;function Lu(e){return ti.add(e),()=>ti.delete(e)}const ni=new Set;function Ou(e){return ni.add(e),()=>ni.delete(e)}async function de(e,t){var s,c,f,p;let n;try{n=await fetch(xs,{method:"POST",credentials:"same-origin",headers:{"content-type":"application/json",accept:"application/json",...Ms()},body:JSON.stringify({query:e.toString(),variables:t??{}})})}catch{throw new Jr("NETWORK","Meterwise cannot be reached. Check your connection and retry.")}let r;try{r=await n.json()}catch{throw new Jr("INTERNAL",`The server answered ${n.status}; try again shortly.`)}const i=(s=r.errors)==null?void 0:s[0];if(i){const d=String(((c=i.extensions)==null?void 0:c.code)??"INTERNAL");d==="UNAUTHENTICATED"&&ti.forEach(u=>u()),d==="PASSWORD_CHANGE_REQUIRED"&&ni.forEach(u=>u());const _=Number(((f=i.extensions)==null?void 0:f.retryAfter)??0)||void 0,m=d==="RATE_LIMITED"?`Too many requests; try again in ${_??60} s.`:d==="INTERNAL"?`Something went wrong on our side${(p=i.extensions)!=null&&p.requestId?` (request ${String(i.extensions.requestId)})`:""}.`:Nu[d]??i.message;throw new Jr(d,m,_)}return r.data}const Uu=X(`
  mutation StepUp($code: String!) {
    verifyMfa(input: { code: $code }) { token errors { code message field } }
  }
`);let ri=null;function kl(e){ri=e}async function qu(e){const t=await de(Uu,{code:e}),n=t.verifyMfa.errors[0];return n?n.message:(En(t.verifyMfa.token??null),null)}async function Fe(e,t,n){const r=await de(e,t);return!n(r).some(s=>s.code==="STEP_UP_REQUIRED")||!ri?r:await ri(qu)?de(e,t):r}function we(e){const t=`f-${e.name}`;return o("div",{class:"field",children:[o("label",{for:t,children:e.label}),o("input",{id:t,name:e.name,type:e.type??"text",value:e.value,autocomplete:e.autocomplete??"off",required:e.required,inputMode:e.inputMode,"aria-invalid":e.error?"true":void 0,"aria-describedby":e.hint?`${t}-hint`:void 0,onInput:n=>e.onInput(n.target.value)}),e.hint&&o("p",{class:"hint",id:`${t}-hint`,children:e.hint}),e.error&&o("p",{class:"field-error",role:"alert",children:e.error})]})}function Yt(e){const t=`s-${e.name}`;return o("div",{class:"field",children:[o("label",{for:t,children:e.label}),o("select",{id:t,name:e.name,value:e.value,onChange:n=>e.onChange(n.target.value),children:e.options.map(([n,r])=>o("option",{value:n,children:r},n))})]})}function ve(e){return e.error?o("p",{class:"banner error",role:"alert",children:e.error}):e.notice?o("p",{class:"banner notice",role:"status",children:e.notice}):null}function fn(e){return e instanceof Jr?e.message:"Something went wrong; try again."}function me(e){var t;return((t=e[0])==null?void 0:t.message)??null}function ze(){const[e,t]=L(!1),[n,r]=L(null);return{busy:e,error:n,setError:r,run:async s=>{t(!0),r(null);try{const c=await s();c&&r(c)}catch(c){r(fn(c))}finally{t(!1)}}}}function Bt(e){return o("section",{class:"page","aria-labelledby":"page-title",children:[o("header",{class:"page-head",children:[o("h1",{id:"page-title",tabIndex:-1,children:e.title}),e.actions]}),e.children]})}function Me(e){return e?new Date(e).toLocaleString(void 0,{dateStyle:"medium",timeStyle:"short"}):"never"}function Rt(e,t="USD"){return new Intl.NumberFormat(void 0,{style:"currency",currency:t,maximumFractionDigits:2}).format(Number(e))}function Bu(e,t,n="text/plain"){const r=URL.createObjectURL(new Blob([t],{type:n})),i=document.createElement("a");i.href=r,i.download=e,i.click(),setTimeout(()=>URL.revokeObjectURL(r),1e3)}function Rn(e){const[t,n]=L(null),[r,i]=L(null),s=()=>e().then(n,c=>i(fn(c)));return ht(()=>{s()},[]),{items:t,error:r,reload:s}}const Fu=X(`
  mutation LogIn($email: String!, $password: String!) {
    logIn(input: { email: $email, password: $password }) {
      token mfaRequired mfaToken errors { code message field }
    }
  }
`),Hu=X(`
  mutation VerifyMfa($mfaToken: String!, $code: String!) {
    verifyMfa(input: { mfaToken: $mfaToken, code: $code }) { token errors { code message field } }
  }
`),Wu=X(`
  mutation SignUp($inviteCode: String!, $email: String!, $password: String!, $accountName: String) {
    signUp(input: { inviteCode: $inviteCode, email: $email, password: $password, accountName: $accountName }) {
      token errors { code message field }
    }
  }
`),Vu=X(`
  mutation StartTotp($password: String!) {
    startTotpEnrollment(password: $password) { secret provisioningUri qrSvg errors { code message field } }
  }
`),zu=X(`
  mutation ConfirmTotp($code: String!, $password: String!) {
    confirmTotpEnrollment(code: $code, password: $password) { recoveryCodes errors { code message field } }
  }
`);function Ku(e){const[t,n]=L(""),[r,i]=L(""),[s,c]=L(null),[f,p]=L(""),[d,_]=L(!1),{busy:m,error:u,run:y}=ze(),b=A=>{A.preventDefault(),y(async()=>{const{logIn:C}=await de(Fu,{email:t,password:r});return C.errors.length?me(C.errors):C.mfaRequired&&C.mfaToken?(c(C.mfaToken),null):(En(C.token??null),e.onDone(),null)})},v=A=>{A.preventDefault(),y(async()=>{const{verifyMfa:C}=await de(Hu,{mfaToken:s,code:f.trim()});return C.errors.length?me(C.errors):(En(C.token??null),e.onDone(),null)})};return o("main",{class:"auth",id:"main",children:[o("h1",{children:"Sign in to Meterwise"}),o(ve,{error:u,notice:e.notice}),s===null?o("form",{onSubmit:b,"aria-label":"Sign in",children:[o(we,{label:"Email",name:"email",type:"email",value:t,onInput:n,autocomplete:"username",required:!0}),o(we,{label:"Password",name:"password",type:"password",value:r,onInput:i,autocomplete:"current-password",required:!0}),o("button",{type:"submit",disabled:m,children:m?"Signing in…":"Sign in"}),o("p",{children:o("a",{href:"#/signup",children:"Have an invite? Create an account"})})]}):o("form",{onSubmit:v,"aria-label":"Two-factor code",children:[d?o(we,{label:"Recovery code",name:"code",value:f,onInput:p,required:!0,hint:"One of the codes you saved when you set up two-factor authentication."}):o(we,{label:"Authentication code",name:"code",value:f,onInput:p,required:!0,inputMode:"numeric",autocomplete:"one-time-code",hint:"The 6-digit code from your authenticator app."}),o("button",{type:"submit",disabled:m,children:m?"Checking…":"Verify"}),o("button",{type:"button",class:"link",onClick:()=>{_(!d),p("")},children:d?"Use my authenticator app":"Use a recovery code instead"})]})]})}function Gu(e){const[t,n]=L(e.invite),[r,i]=L(""),[s,c]=L(""),[f,p]=L(""),[d,_]=L({}),{busy:m,error:u,run:y}=ze();return o("main",{class:"auth",id:"main",children:[o("h1",{children:"Create your Meterwise account"}),o(ve,{error:u}),o("form",{onSubmit:v=>{v.preventDefault(),y(async()=>{const{signUp:A}=await de(Wu,{inviteCode:t.trim(),email:r,password:s,accountName:f||null});return _(Object.fromEntries(A.errors.filter(C=>C.field).map(C=>[C.field,C.message]))),A.errors.length?me(A.errors):(En(A.token??null),e.onDone(),null)})},"aria-label":"Sign up",children:[o(we,{label:"Invite code",name:"inviteCode",value:t,onInput:n,required:!0,error:d.inviteCode}),o(we,{label:"Email",name:"email",type:"email",value:r,onInput:i,autocomplete:"username",required:!0,error:d.email}),o(we,{label:"Password",name:"password",type:"password",value:s,onInput:c,autocomplete:"new-password",required:!0,hint:"At least 12 characters; a passphrase works well.",error:d.password}),o(we,{label:"Account name (optional)",name:"accountName",value:f,onInput:p,error:d.accountName}),o("button",{type:"submit",disabled:m,children:m?"Creating…":"Create account"}),o("p",{children:o("a",{href:"#/signin",children:"Already have an account? Sign in"})})]})]})}function Al(e){const[t,n]=L(""),[r,i]=L(null),[s,c]=L(""),[f,p]=L(null),{busy:d,error:_,run:m}=ze(),u=b=>{b.preventDefault(),m(async()=>{const{startTotpEnrollment:v}=await de(Vu,{password:t});if(v.errors.length)return me(v.errors);const A=v.qrSvg?`data:image/svg+xml;base64,${btoa(v.qrSvg)}`:null;return i({secret:v.secret??"",qr:A}),null})},y=b=>{b.preventDefault(),m(async()=>{const{confirmTotpEnrollment:v}=await de(zu,{code:s.trim(),password:t});return v.errors.length?me(v.errors):(n(""),p(v.recoveryCodes??[]),null)})};return f?o("main",{class:"auth",id:"main",children:[o("h1",{children:"Save your recovery codes"}),o("p",{children:"Each code signs you in once if you lose your authenticator. They are shown only now."}),o("ul",{class:"codes","aria-label":"Recovery codes",children:f.map(b=>o("li",{children:o("code",{children:b})},b))}),o("button",{type:"button",onClick:()=>Bu("meterwise-recovery-codes.txt",`Meterwise recovery codes for ${e.email}

${f.join(`
`)}
`),children:"Download codes"}),o("button",{type:"button",class:"secondary",onClick:e.onDone,children:"I saved them, continue"})]}):o("main",{class:"auth",id:"main",children:[o("h1",{children:"Set up two-factor authentication"}),o("p",{children:[e.required?"Your account requires a second factor. ":"","Confirm your password, scan the code with an authenticator app (any RFC 6238 app), then enter the 6-digit code it shows."]}),o(ve,{error:_}),r===null?o("form",{onSubmit:u,"aria-label":"Confirm your password",children:[o(we,{label:"Current password",name:"password",type:"password",value:t,onInput:n,autocomplete:"current-password",required:!0}),o("button",{type:"submit",disabled:d,children:d?"Checking…":"Continue"}),!e.required&&o("p",{children:o("a",{href:"#/",children:"Not now"})})]}):o(ct,{children:[r.qr&&o("img",{class:"qr",src:r.qr,width:200,height:200,alt:"QR code with your two-factor secret"}),o("p",{children:["Or type this secret: ",o("code",{"data-testid":"totp-secret",children:r.secret})]}),o("form",{onSubmit:y,"aria-label":"Confirm two-factor code",children:[o(we,{label:"Authentication code",name:"code",value:s,onInput:c,required:!0,inputMode:"numeric",autocomplete:"one-time-code"}),o("button",{type:"submit",disabled:d,children:d?"Checking…":"Turn on two-factor"})]})]})]})}function ju(e){const[t,n]=L(""),{busy:r,error:i,run:s}=ze();return ht(()=>{var c;(c=document.getElementById(e.enrolled?"f-stepup":"stepup-enrol"))==null||c.focus()},[]),e.enrolled?o("div",{class:"dialog-backdrop",children:o("div",{class:"dialog",role:"dialog","aria-modal":"true","aria-labelledby":"stepup-title",onKeyDown:c=>c.key==="Escape"&&e.onClose(!1),children:[o("h2",{id:"stepup-title",children:"Confirm it's you"}),o("p",{children:"This action needs a fresh code from your authenticator app (or a recovery code)."}),o(ve,{error:i}),o("form",{onSubmit:c=>{c.preventDefault(),s(async()=>{const f=await e.submit(t.trim());return f||e.onClose(!0),f})},children:[o(we,{label:"Code",name:"stepup",value:t,onInput:n,required:!0,inputMode:"numeric",autocomplete:"one-time-code"}),o("div",{class:"row",children:[o("button",{type:"submit",disabled:r,children:"Confirm"}),o("button",{type:"button",class:"secondary",onClick:()=>e.onClose(!1),children:"Cancel"})]})]})]})}):o("div",{class:"dialog-backdrop",children:o("div",{class:"dialog",role:"dialog","aria-modal":"true","aria-labelledby":"stepup-title",onKeyDown:c=>c.key==="Escape"&&e.onClose(!1),children:[o("h2",{id:"stepup-title",children:"Confirm it's you"}),o("p",{children:"This action needs a code from an authenticator app, and you have not set up two-factor authentication yet. Set it up (it asks for your password), then try again."}),o("div",{class:"row",children:[o("a",{id:"stepup-enrol",class:"button",href:"#/mfa",onClick:()=>e.onClose(!1),children:"Set up two-factor"}),o("button",{type:"button",class:"secondary",onClick:()=>e.onClose(!1),children:"Cancel"})]})]})})}function ft(e){return e===null?"null":Array.isArray(e)?"array":typeof e}function An(e){return ft(e)==="object"}function Yu(e){return Array.isArray(e)&&e.length>0&&e.every(t=>"message"in t)}function Cl(e,t){return e.length<124?e:t}const Qu="graphql-transport-ws";var wt;(function(e){e[e.InternalServerError=4500]="InternalServerError",e[e.InternalClientError=4005]="InternalClientError",e[e.BadRequest=4400]="BadRequest",e[e.BadResponse=4004]="BadResponse",e[e.Unauthorized=4401]="Unauthorized",e[e.Forbidden=4403]="Forbidden",e[e.SubprotocolNotAcceptable=4406]="SubprotocolNotAcceptable",e[e.ConnectionInitialisationTimeout=4408]="ConnectionInitialisationTimeout",e[e.ConnectionAcknowledgementTimeout=4504]="ConnectionAcknowledgementTimeout",e[e.SubscriberAlreadyExists=4409]="SubscriberAlreadyExists",e[e.TooManyInitialisationRequests=4429]="TooManyInitialisationRequests"})(wt||(wt={}));var Le;(function(e){e.ConnectionInit="connection_init",e.ConnectionAck="connection_ack",e.Ping="ping",e.Pong="pong",e.Subscribe="subscribe",e.Next="next",e.Error="error",e.Complete="complete"})(Le||(Le={}));function Os(e){if(!An(e))throw new Error(`Message is expected to be an object, but got ${ft(e)}`);if(!e.type)throw new Error("Message is missing the 'type' property");if(typeof e.type!="string")throw new Error(`Message is expects the 'type' property to be a string, but got ${ft(e.type)}`);switch(e.type){case Le.ConnectionInit:case Le.ConnectionAck:case Le.Ping:case Le.Pong:{if(e.payload!=null&&!An(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object or nullish or missing, but got "${e.payload}"`);break}case Le.Subscribe:{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${ft(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!An(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${ft(e.payload)}`);if(typeof e.payload.query!="string")throw new Error(`"${e.type}" message payload expects the 'query' property to be a string, but got ${ft(e.payload.query)}`);if(e.payload.variables!=null&&!An(e.payload.variables))throw new Error(`"${e.type}" message payload expects the 'variables' property to be a an object or nullish or missing, but got ${ft(e.payload.variables)}`);if(e.payload.operationName!=null&&ft(e.payload.operationName)!=="string")throw new Error(`"${e.type}" message payload expects the 'operationName' property to be a string or nullish or missing, but got ${ft(e.payload.operationName)}`);if(e.payload.extensions!=null&&!An(e.payload.extensions))throw new Error(`"${e.type}" message payload expects the 'extensions' property to be a an object or nullish or missing, but got ${ft(e.payload.extensions)}`);break}case Le.Next:{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${ft(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!An(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${ft(e.payload)}`);break}case Le.Error:{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${ft(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!Yu(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an array of GraphQL errors, but got ${JSON.stringify(e.payload)}`);break}case Le.Complete:{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${ft(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);break}default:throw new Error(`Invalid message 'type' property "${e.type}"`)}return e}function Ju(e,t){return Os(typeof e=="string"?JSON.parse(e,t):e)}function _r(e,t){return Os(e),JSON.stringify(e,t)}var nr=function(e){return this instanceof nr?(this.v=e,this):new nr(e)},Zu=function(e,t,n){if(!Symbol.asyncIterator)throw new TypeError("Symbol.asyncIterator is not defined.");var r=n.apply(e,t||[]),i,s=[];return i=Object.create((typeof AsyncIterator=="function"?AsyncIterator:Object).prototype),f("next"),f("throw"),f("return",c),i[Symbol.asyncIterator]=function(){return this},i;function c(y){return function(b){return Promise.resolve(b).then(y,m)}}function f(y,b){r[y]&&(i[y]=function(v){return new Promise(function(A,C){s.push([y,v,A,C])>1||p(y,v)})},b&&(i[y]=b(i[y])))}function p(y,b){try{d(r[y](b))}catch(v){u(s[0][3],v)}}function d(y){y.value instanceof nr?Promise.resolve(y.value.v).then(_,m):u(s[0][2],y)}function _(y){p("next",y)}function m(y){p("throw",y)}function u(y,b){y(b),s.shift(),s.length&&p(s[0][0],s[0][1])}};function Xu(e){const{url:t,connectionParams:n,lazy:r=!0,onNonLazyError:i=console.error,lazyCloseTimeout:s=0,keepAlive:c=0,disablePong:f,connectionAckWaitTimeout:p=0,retryAttempts:d=5,retryWait:_=async function(K){let N=1e3;for(let re=0;re<K;re++)N*=2;await new Promise(re=>setTimeout(re,N+Math.floor(Math.random()*2700+300)))},shouldRetry:m=Wo,isFatalConnectionProblem:u,on:y,webSocketImpl:b,generateID:v=function(){return"xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g,K=>{const N=Math.random()*16|0;return(K=="x"?N:N&3|8).toString(16)})},jsonMessageReplacer:A,jsonMessageReviver:C}=e;let k;if(b){if(!td(b))throw new Error("Invalid WebSocket implementation provided");k=b}else typeof WebSocket<"u"?k=WebSocket:typeof global<"u"?k=global.WebSocket||global.MozWebSocket:typeof window<"u"&&(k=window.WebSocket||window.MozWebSocket);if(!k)throw new Error("WebSocket implementation missing; on Node you can `import WebSocket from 'ws';` and pass `webSocketImpl: WebSocket` to `createClient`");const E=k,$=(()=>{const T=(()=>{const N={};return{on(re,ee){return N[re]=ee,()=>{delete N[re]}},emit(re){var ee;"id"in re&&((ee=N[re.id])===null||ee===void 0||ee.call(N,re))}}})(),K={connecting:y!=null&&y.connecting?[y.connecting]:[],opened:y!=null&&y.opened?[y.opened]:[],connected:y!=null&&y.connected?[y.connected]:[],ping:y!=null&&y.ping?[y.ping]:[],pong:y!=null&&y.pong?[y.pong]:[],message:y!=null&&y.message?[T.emit,y.message]:[T.emit],closed:y!=null&&y.closed?[y.closed]:[],error:y!=null&&y.error?[y.error]:[]};return{onMessage:T.on,on(N,re){const ee=K[N];return ee.push(re),()=>{ee.splice(ee.indexOf(re),1)}},emit(N,...re){for(const ee of[...K[N]])ee(...re)}}})();function M(T){const K=[$.on("error",N=>{K.forEach(re=>re()),T(N)}),$.on("closed",N=>{K.forEach(re=>re()),T(N)})]}let R,J=0,W,G=!1,V=0,P=!1;async function O(){clearTimeout(W);const[T,K]=await(R??(R=new Promise((ee,oe)=>(async()=>{if(G){if(await _(V),!J)return R=void 0,oe({code:1e3,reason:"All Subscriptions Gone"});V++}$.emit("connecting",G);const Y=new E(typeof t=="function"?await t():t,Qu);let ie,z;function De(){isFinite(c)&&c>0&&(clearTimeout(z),z=setTimeout(()=>{Y.readyState===E.OPEN&&(Y.send(_r({type:Le.Ping})),$.emit("ping",!1,void 0))},c))}M(se=>{R=void 0,clearTimeout(ie),clearTimeout(z),oe(se),se instanceof Il&&(Y.close(4499,"Terminated"),Y.onerror=null,Y.onclose=null)}),Y.onerror=se=>$.emit("error",se),Y.onclose=se=>$.emit("closed",se),Y.onopen=async()=>{try{$.emit("opened",Y);const se=typeof n=="function"?await n():n;if(Y.readyState!==E.OPEN)return;Y.send(_r(se?{type:Le.ConnectionInit,payload:se}:{type:Le.ConnectionInit},A)),isFinite(p)&&p>0&&(ie=setTimeout(()=>{Y.close(wt.ConnectionAcknowledgementTimeout,"Connection acknowledgement timeout")},p)),De()}catch(se){$.emit("error",se),Y.close(wt.InternalClientError,Cl(se instanceof Error?se.message:new Error(se).message,"Internal client error"))}};let Ne=!1;Y.onmessage=({data:se})=>{try{const te=Ju(se,C);if($.emit("message",te),te.type==="ping"||te.type==="pong"){$.emit(te.type,!0,te.payload),te.type==="pong"?De():f||(Y.send(_r(te.payload?{type:Le.Pong,payload:te.payload}:{type:Le.Pong})),$.emit("pong",!1,te.payload));return}if(Ne)return;if(te.type!==Le.ConnectionAck)throw new Error(`First message cannot be of type ${te.type}`);clearTimeout(ie),Ne=!0,$.emit("connected",Y,te.payload,G),G=!1,V=0,ee([Y,new Promise((St,rt)=>M(rt))])}catch(te){Y.onmessage=null,$.emit("error",te),Y.close(wt.BadResponse,Cl(te instanceof Error?te.message:new Error(te).message,"Bad response"))}}})())));T.readyState===E.CLOSING&&await K;let N=()=>{};const re=new Promise(ee=>N=ee);return[T,N,Promise.race([re.then(()=>{if(!J){const ee=()=>T.close(1e3,"Normal Closure");isFinite(s)&&s>0?W=setTimeout(()=>{T.readyState===E.OPEN&&ee()},s):ee()}}),K])]}function U(T){if(Wo(T)&&(ed(T.code)||[wt.InternalServerError,wt.InternalClientError,wt.BadRequest,wt.BadResponse,wt.Unauthorized,wt.SubprotocolNotAcceptable,wt.SubscriberAlreadyExists,wt.TooManyInitialisationRequests].includes(T.code)))throw T;if(P)return!1;if(Wo(T)&&T.code===1e3)return J>0;if(!d||V>=d||!m(T)||u!=null&&u(T))throw T;return G=!0}r||(async()=>{for(J++;;)try{const[,,T]=await O();await T}catch(T){try{if(!U(T))return}catch(K){return i==null?void 0:i(K)}}})();function j(T,K){const N=v(T);let re=!1,ee=!1,oe=()=>{J--,re=!0};return(async()=>{for(J++;;)try{const[Y,ie,z]=await O();if(re)return ie();const De=$.onMessage(N,Ne=>{switch(Ne.type){case Le.Next:{K.next(Ne.payload);return}case Le.Error:{ee=!0,re=!0,K.error(Ne.payload),oe();return}case Le.Complete:{re=!0,oe();return}}});Y.send(_r({id:N,type:Le.Subscribe,payload:T},A)),oe=()=>{!re&&Y.readyState===E.OPEN&&Y.send(_r({id:N,type:Le.Complete},A)),J--,re=!0,ie()},await z.finally(De);return}catch(Y){if(!U(Y))return}})().then(()=>{ee||K.complete()}).catch(Y=>{K.error(Y)}),()=>{re||oe()}}return{on:$.on,subscribe:j,iterate(T){const K=[],N={done:!1,error:null,resolve:()=>{}},re=j(T,{next(oe){K.push(oe),N.resolve()},error(oe){N.done=!0,N.error=oe,N.resolve()},complete(){N.done=!0,N.resolve()}}),ee=function(){return Zu(this,arguments,function*(){for(;;){for(K.length||(yield nr(new Promise(ie=>N.resolve=ie)));K.length;)yield yield nr(K.shift());if(N.error)throw N.error;if(N.done)return yield nr(void 0)}})}();return ee.throw=async oe=>(N.done||(N.done=!0,N.error=oe,N.resolve()),{done:!0,value:void 0}),ee.return=async()=>(re(),{done:!0,value:void 0}),ee},async dispose(){if(P=!0,R){const[T]=await R;T.close(1e3,"Normal Closure")}},terminate(){R&&$.emit("closed",new Il)}}}class Il extends Error{constructor(){super(...arguments),this.name="TerminatedCloseEvent",this.message="4499: Terminated",this.code=4499,this.reason="Terminated",this.wasClean=!1}}function Wo(e){return An(e)&&"code"in e&&"reason"in e}function ed(e){return[1e3,1001,1006,1005,1012,1013,1014].includes(e)?!1:e>=1e3&&e<=1999}function td(e){return typeof e=="function"&&"constructor"in e&&"CLOSED"in e&&"CLOSING"in e&&"CONNECTING"in e&&"OPEN"in e}let kn=null,$l=null;const oi=new Set,nd=4403;function rd(e){return oi.add(e),()=>oi.delete(e)}function Us(e){return typeof e=="object"&&e!==null&&"code"in e?Number(e.code):void 0}addEventListener("unhandledrejection",e=>{const t=e.reason;(t instanceof CloseEvent||typeof t=="object"&&t!==null&&typeof t.code=="number"&&typeof t.reason=="string")&&e.preventDefault()});function od(){const e=xu();if(e!==$l&&(kn==null||kn.dispose(),kn=null,$l=e),!kn){const t=new URL(xs,location.href);t.protocol=t.protocol==="https:"?"wss:":"ws:",kn=Xu({url:t.toString(),connectionParams:e?{authorization:`Bearer ${e}`}:{},retryAttempts:1/0,shouldRetry:n=>Us(n)!==nd,on:{connected:(n,r,i)=>{i&&oi.forEach(s=>s())}}})}return kn}const id=4429,ld=3e4;function ro(e,t){let n=null,r;const i=()=>{clearTimeout(r),n==null||n();const c=od();n=c?c.subscribe({query:e.toString()},{next:f=>f.data&&t(f.data),error:f=>{Us(f)===id&&(r=setTimeout(i,ld*(1+Math.random())))},complete:()=>{}}):null};if(i(),!n)return null;const s=Mu(i);return()=>{s(),clearTimeout(r),n==null||n()}}const sd=X(`
  query Viewer {
    me { id email mfaEnabled passwordChangeRequired }
  }
`),ad=X(`
  query AccountInfo {
    account { id name role mfaRequired }
  }
`);async function cd(){const{me:e}=await de(sd,{});if(!e)return{me:null,account:null,needsMfa:!1,needsPassword:!1};try{const{account:t}=await de(ad,{});return{me:e,account:t,needsMfa:!1,needsPassword:!1}}catch(t){const n=t.code;if(n==="MFA_REQUIRED")return{me:e,account:null,needsMfa:!0,needsPassword:!1};if(n==="PASSWORD_CHANGE_REQUIRED")return{me:e,account:null,needsMfa:!1,needsPassword:!0};throw t}}function qt(e){return(e==null?void 0:e.role)==="OWNER"||(e==null?void 0:e.role)==="ADMIN"}function ud(e){return qt(e)||(e==null?void 0:e.role)==="MEMBER"}const dd=X(`
  query Budgets {
    budgets {
      id name amount currency period periodStart periodEnd spent remaining percentUsed estimated
      thresholds forecastAlert forecast { amount low high breachAt }
    }
  }
`),fd=X(`
  mutation CreateBudget($input: BudgetInput!) { createBudget(input: $input) { budget { id } errors { code message field } } }
`),hd=X(`
  mutation UpdateBudget($id: ID!, $input: BudgetInput!) { updateBudget(id: $id, input: $input) { budget { id } errors { code message field } } }
`),md=X(`
  mutation DeleteBudget($id: ID!) { deleteBudget(id: $id) { deletedId errors { code message } } }
`),pd=X(`
  query Alerts($after: String) {
    alerts(first: 20, after: $after) {
      nodes { id kind severity title message budgetId createdAt acknowledgedAt }
      pageInfo { hasNextPage endCursor }
    }
  }
`),gd=X(`
  mutation AcknowledgeAlert($id: ID!) { acknowledgeAlert(id: $id) { alert { id acknowledgedAt } errors { code message } } }
`),yd=X(`
  subscription AlertRaised { alertRaised { id kind severity title message budgetId createdAt acknowledgedAt } }
`),wd=X("query Channels { notificationChannels { id kind name targetHint alertKinds createdAt } }"),_d=X(`
  mutation CreateChannel($input: NotificationChannelInput!) {
    createNotificationChannel(input: $input) { channel { id } secret errors { code message field } }
  }
`),vd=X(`
  mutation TestChannel($id: ID!) { testNotificationChannel(id: $id) { delivery { status lastError } errors { code message } } }
`),bd=X(`
  mutation DeleteChannel($id: ID!) { deleteNotificationChannel(id: $id) { deletedId errors { code message } } }
`),Sd=[["DAY","Day"],["WEEK","Week"],["MONTH","Month"],["QUARTER","Quarter"]],kd=[["WEBHOOK","Webhook"],["SLACK","Slack"],["EMAIL","E-mail"]];function Ad(e){const{b:t}=e,n=Number(t.amount),r=t.forecast;return o("div",{class:"bars",children:[o("label",{for:`spent-${t.id}`,children:["Spent ",Rt(t.spent,t.currency)," of ",Rt(t.amount,t.currency)," ","(",o("span",{"data-testid":"budget-percent",children:[Math.round(t.percentUsed),"%"]}),")",t.estimated?", partly estimated":""]}),o("meter",{id:`spent-${t.id}`,min:0,max:n,low:n*.8,high:n,optimum:0,value:Math.min(Number(t.spent),n)}),r&&o(ct,{children:[o("label",{for:`forecast-${t.id}`,children:["Forecast at period end ",Rt(r.amount,t.currency)," ","(90%: ",Rt(r.low,t.currency),"–",Rt(r.high,t.currency),")",r.breachAt?o(ct,{children:["; reaches the budget ",Me(r.breachAt)]}):""]}),o("meter",{id:`forecast-${t.id}`,min:0,max:n,low:n*.8,high:n,optimum:0,value:Math.min(Number(r.amount),n)})]})]})}function qs(e){const t=e.budget,[n,r]=L((t==null?void 0:t.name)??""),[i,s]=L(t?String(Number(t.amount)):""),[c,f]=L((t==null?void 0:t.period)??"MONTH"),[p,d]=L(((t==null?void 0:t.thresholds)??[50,80,100]).join(", ")),[_,m]=L((t==null?void 0:t.forecastAlert)??!0),{busy:u,error:y,run:b}=ze(),v=(t==null?void 0:t.id)??"new";return o("form",{"aria-label":t?`Edit ${t.name}`:"New budget",onSubmit:A=>{A.preventDefault(),b(async()=>{const C=p.split(/[\s,]+/).filter(Boolean).map(Number);if(C.some($=>!Number.isInteger($)))return"Thresholds are whole percentages, e.g. 50, 80, 100.";const k={name:n,amount:i,period:c,thresholds:C,forecastAlert:_},E=t?(await Fe(hd,{id:t.id,input:k},$=>$.updateBudget.errors)).updateBudget.errors:(await Fe(fd,{input:k},$=>$.createBudget.errors)).createBudget.errors;return E.length?me(E):(t||(r(""),s("")),e.onDone(),null)})},children:[o(ve,{error:y}),o(we,{label:"Name",name:`budget-name-${v}`,value:n,onInput:r,required:!0}),o(we,{label:"Amount (USD)",name:`budget-amount-${v}`,type:"number",value:i,onInput:s,required:!0}),o(Yt,{label:"Period",name:`budget-period-${v}`,value:c,options:Sd,onChange:f}),o(we,{label:"Alert at (% of the amount)",name:`budget-thresholds-${v}`,value:p,onInput:d,hint:"Comma-separated, e.g. 50, 80, 100."}),o("div",{class:"field check",children:[o("input",{id:`f-budget-forecast-${v}`,type:"checkbox",checked:_,onChange:A=>m(A.target.checked)}),o("label",{for:`f-budget-forecast-${v}`,children:"Alert when the forecast exceeds the amount"})]}),o("div",{class:"row",children:[o("button",{type:"submit",disabled:u,children:t?"Save budget":"Create budget"}),e.onCancel&&o("button",{type:"button",class:"secondary",onClick:e.onCancel,children:"Cancel"})]})]})}function Cd(e){const{b:t}=e,[n,r]=L(!1),{busy:i,error:s,run:c}=ze();return o("li",{class:"card","aria-label":t.name,children:[o("h2",{children:[t.name," ",o("span",{class:"muted",children:["per ",t.period.toLowerCase()," · ",Me(t.periodStart)," to ",Me(t.periodEnd)]})]}),o(Ad,{b:t}),o("p",{class:"hint",children:["Alerts at ",t.thresholds.map(f=>`${f}%`).join(", ")||"no threshold",t.forecastAlert?" and when the forecast exceeds it":"","."]}),o(ve,{error:s}),e.admin&&(n?o(qs,{budget:t,onDone:()=>{r(!1),e.reload()},onCancel:()=>r(!1)}):o("div",{class:"row",children:[o("button",{type:"button",class:"secondary",onClick:()=>r(!0),children:"Edit"}),o("button",{type:"button",class:"danger",disabled:i,onClick:()=>void c(async()=>{if(!confirm(`Delete the budget ${t.name}? Its alerts stay.`))return null;const f=await Fe(md,{id:t.id},p=>p.deleteBudget.errors);return f.deleteBudget.errors.length?me(f.deleteBudget.errors):(e.reload(),null)}),children:"Delete"})]}))]})}function Id(e){const t=Rn(()=>de(dd,{}).then(r=>r.budgets)),n=qt(e.account);return o(Bt,{title:"Budgets",children:[o(ve,{error:t.error}),t.items===null?o("p",{role:"status",children:"Loading…"}):t.items.length===0?o("p",{class:"empty",children:["No budgets yet.",n?" Create one below; alerts fire as spend crosses its thresholds.":" Ask an admin to set one."]}):o("ul",{class:"cards",children:t.items.map(r=>o(Cd,{b:r,admin:n,reload:()=>void t.reload()},r.id))}),n&&o("section",{class:"card","aria-labelledby":"new-budget",children:[o("h2",{id:"new-budget",children:"New budget"}),o(qs,{onDone:()=>void t.reload()})]})]})}function $d(){const e=Rn(()=>de(wd,{}).then(b=>b.notificationChannels)),[t,n]=L("WEBHOOK"),[r,i]=L(""),[s,c]=L(""),[f,p]=L(null),[d,_]=L(null),{busy:m,error:u,run:y}=ze();return o("section",{class:"card","aria-labelledby":"channels-title",children:[o("h2",{id:"channels-title",children:"Notification channels"}),o(ve,{error:e.error??u,notice:d}),e.items===null?o("p",{role:"status",children:"Loading…"}):e.items.length===0?o("p",{class:"empty",children:"No channels yet: alerts show here only."}):o("div",{class:"table-wrap",tabIndex:0,children:o("table",{children:[o("caption",{children:"Where alerts are sent"}),o("thead",{children:o("tr",{children:[o("th",{scope:"col",children:"Name"}),o("th",{scope:"col",children:"Kind"}),o("th",{scope:"col",children:"Target"}),o("th",{scope:"col",children:"Alerts"}),o("th",{scope:"col",children:o("span",{class:"sr-only",children:"Actions"})})]})}),o("tbody",{children:e.items.map(b=>o("tr",{children:[o("td",{children:b.name}),o("td",{children:b.kind.toLowerCase()}),o("td",{children:b.targetHint}),o("td",{children:b.alertKinds.length?b.alertKinds.map(v=>v.toLowerCase().replace(/_/g," ")).join(", "):"all"}),o("td",{class:"row",children:[o("button",{type:"button",class:"secondary small",disabled:m,onClick:()=>void y(async()=>{const v=await Fe(vd,{id:b.id},C=>C.testNotificationChannel.errors);if(v.testNotificationChannel.errors.length)return me(v.testNotificationChannel.errors);const A=v.testNotificationChannel.delivery;return _(`Test to ${b.name}: ${(A==null?void 0:A.status)??"queued"}${A!=null&&A.lastError?` (${A.lastError})`:""}.`),null}),children:"Send test"}),o("button",{type:"button",class:"danger small",disabled:m,onClick:()=>void y(async()=>{if(!confirm(`Remove the channel ${b.name}?`))return null;const v=await Fe(bd,{id:b.id},A=>A.deleteNotificationChannel.errors);return await e.reload(),me(v.deleteNotificationChannel.errors)}),children:"Remove"})]})]},b.id))})]})}),o("form",{"aria-label":"Add a channel",onSubmit:b=>{b.preventDefault(),y(async()=>{const v=await Fe(_d,{input:{kind:t,name:r,target:s}},A=>A.createNotificationChannel.errors);return v.createNotificationChannel.errors.length?me(v.createNotificationChannel.errors):(p(v.createNotificationChannel.secret??null),i(""),c(""),_(null),await e.reload(),null)})},children:[o(Yt,{label:"Kind",name:"channelKind",value:t,options:kd,onChange:n}),o(we,{label:"Channel name",name:"channelName",value:r,onInput:i,required:!0}),o(we,{label:t==="EMAIL"?"E-mail address":"URL",name:"channelTarget",value:s,onInput:c,required:!0,hint:"Write-only: only its host (or e-mail domain) is shown afterwards."}),o("button",{type:"submit",disabled:m,children:"Add channel"})]}),f&&o("p",{role:"status",children:["Signing secret (shown once; verify webhooks with it): ",o("code",{"data-testid":"channel-secret",children:f})]})]})}function Ed(e){const[t,n]=L(null),[r,i]=L(null),[s,c]=L(null),{busy:f,error:p,run:d}=ze(),_=async m=>{try{const{alerts:u}=await de(pd,{after:m});n(y=>m&&y?[...y,...u.nodes]:u.nodes),i(u.pageInfo.hasNextPage?u.pageInfo.endCursor??null:null),c(null)}catch(u){c(fn(u))}};return ht(()=>{_(null);const m=ro(yd,y=>n(b=>b!=null&&b.some(v=>v.id===y.alertRaised.id)?b:[y.alertRaised,...b??[]]));if(m)return m;const u=setInterval(()=>void _(null),6e4);return()=>clearInterval(u)},[]),o(Bt,{title:"Alerts",children:[o(ve,{error:s??p}),t===null?o("p",{role:"status",children:"Loading…"}):t.length===0?o("p",{class:"empty",children:"No alerts yet. Budgets, anomalies and failing syncs raise them here."}):o("ul",{class:"cards","aria-label":"Alerts",children:t.map(m=>o("li",{class:`card alert ${m.acknowledgedAt?"seen":""}`,"aria-label":m.title,children:[o("h2",{children:[m.title," ",o("span",{class:"muted",children:[m.kind.toLowerCase().replace(/_/g," ")," · ",m.severity," · ",Me(m.createdAt)]})]}),o("p",{children:m.message}),m.budgetId&&o("p",{children:o("a",{href:"#/budgets",children:"See the budget"})}),m.acknowledgedAt?o("p",{class:"hint",children:["Acknowledged ",Me(m.acknowledgedAt)]}):o("button",{type:"button",class:"secondary small",disabled:f,onClick:()=>void d(async()=>{var b;const u=await Fe(gd,{id:m.id},v=>v.acknowledgeAlert.errors);if(u.acknowledgeAlert.errors.length)return me(u.acknowledgeAlert.errors);const y=((b=u.acknowledgeAlert.alert)==null?void 0:b.acknowledgedAt)??new Date().toISOString();return n(v=>(v==null?void 0:v.map(A=>A.id===m.id?{...A,acknowledgedAt:y}:A))??v),null}),children:"Acknowledge"})]},m.id))}),r&&o("button",{type:"button",class:"secondary",onClick:()=>void _(r),children:"Load older alerts"}),qt(e.account)&&o($d,{})]})}const Dd=X(`
  query Connections { connections { id provider label keyHint status lastSyncedAt lastError frozen } }
`),Td=X(`
  mutation Connect($input: ConnectProviderInput!) {
    connectProvider(input: $input) { connection { id } errors { code message field } }
  }
`),Rd=X(`
  mutation ReplaceKey($id: ID!, $apiKey: String!) {
    replaceProviderKey(id: $id, apiKey: $apiKey) { connection { id } errors { code message field } }
  }
`),Nd=X(`
  mutation RemoveConnection($id: ID!) { removeConnection(id: $id) { deletedId errors { code message } } }
`),Pd=X(`
  mutation SyncNow($id: ID!) { syncConnection(id: $id) { alreadyActive run { status } errors { code message } } }
`),tr={OPENAI:{name:"OpenAI",steps:"In platform.openai.com → Settings → Organization → Admin keys, create an Admin key (it starts with sk-admin-). Meterwise only reads the usage and costs endpoints."},ANTHROPIC:{name:"Anthropic",steps:"In console.anthropic.com → Settings → Admin keys, create an Admin key (it starts with sk-ant-admin). Only organisation admins can create one; Meterwise only reads usage and cost reports."},OPENROUTER:{name:"OpenRouter",steps:"In openrouter.ai → Settings → Management keys, create a management key. Meterwise only reads credits and activity."}};function xd(e){const{c:t}=e,[n,r]=L(!1),[i,s]=L(""),{busy:c,error:f,run:p}=ze(),[d,_]=L(null),m=t.frozen?"frozen":t.lastError?"error":t.lastSyncedAt?"ok":"pending";return o("li",{class:"card","aria-label":`${t.label} (${tr[t.provider].name})`,children:[o("h2",{children:[t.label," ",o("span",{class:"muted",children:[tr[t.provider].name," · key …",t.keyHint]})]}),o("p",{children:[o("span",{class:`status ${m}`,children:t.status})," · last sync ",Me(t.lastSyncedAt)]}),t.frozen&&o("p",{class:"field-error","data-testid":"frozen",children:"Frozen by the operator during a security incident: nothing syncs and the key stays sealed until it is released."}),t.lastError&&o("p",{class:"field-error",children:["Last error: ",t.lastError]}),m==="pending"&&o("div",{class:"progress",role:"status",children:[o("label",{for:`sync-${t.id}`,children:"First sync running: backfilling the last 30 days…"}),o("progress",{id:`sync-${t.id}`})]}),o(ve,{error:f,notice:d}),o("div",{class:"row",children:[ud(e.account)&&o("button",{type:"button",disabled:c,onClick:()=>void p(async()=>{const{syncConnection:u}=await de(Pd,{id:t.id});return u.errors.length?me(u.errors):(_(u.alreadyActive?"A sync is already running.":"Sync queued."),e.reload(),null)}),children:"Sync now"}),qt(e.account)&&o(ct,{children:[o("button",{type:"button",class:"secondary","aria-expanded":n,onClick:()=>r(!n),children:"Replace key"}),o("button",{type:"button",class:"danger",disabled:c,onClick:()=>void p(async()=>{if(!confirm(`Remove ${t.label}? Its synced usage is deleted too.`))return null;const{removeConnection:u}=await Fe(Nd,{id:t.id},y=>y.removeConnection.errors);return u.errors.length?me(u.errors):(e.reload(),null)}),children:"Remove"})]})]}),n&&o("form",{onSubmit:u=>{u.preventDefault(),p(async()=>{const y=await Fe(Rd,{id:t.id,apiKey:i},b=>b.replaceProviderKey.errors);return y.replaceProviderKey.errors.length?me(y.replaceProviderKey.errors):(s(""),r(!1),_("Key replaced."),e.reload(),null)})},children:[o(we,{label:"New key",name:`key-${t.id}`,type:"password",value:i,onInput:s,required:!0}),o("button",{type:"submit",disabled:c,children:"Save key"})]})]})}function Md(e){const[t,n]=L(null),[r,i]=L(null),[s,c]=L("OPENAI"),[f,p]=L(""),[d,_]=L(""),{busy:m,error:u,run:y}=ze(),[b,v]=L(null),A=()=>de(Dd,{}).then(k=>n(k.connections),k=>i(fn(k)));ht(()=>{A()},[]);const C=(t==null?void 0:t.some(k=>!k.lastSyncedAt&&!k.lastError))??!1;return ht(()=>{if(!C)return;const k=setInterval(()=>void A(),5e3);return()=>clearInterval(k)},[C]),o(Bt,{title:"Connections",children:[o(ve,{error:r}),t===null?o("p",{role:"status",children:"Loading…"}):t.length===0?o("p",{class:"empty",children:["No provider connected yet.",qt(e.account)?" Add one below.":" Ask an admin to add one."]}):o("ul",{class:"cards",children:t.map(k=>o(xd,{c:k,account:e.account,reload:A},k.id))}),qt(e.account)&&o("section",{"aria-labelledby":"add-connection",class:"card",children:[o("h2",{id:"add-connection",children:"Add a connection"}),o(ve,{error:u,notice:b}),o("form",{onSubmit:k=>{k.preventDefault(),y(async()=>{const E=await Fe(Td,{input:{provider:s,label:f||tr[s].name,apiKey:d}},$=>$.connectProvider.errors);return E.connectProvider.errors.length?me(E.connectProvider.errors):(_(""),p(""),v("Connected. The first sync is backfilling the last 30 days; the dashboard fills in as it lands."),await A(),null)})},children:[o(Yt,{label:"Provider",name:"provider",value:s,options:Object.keys(tr).map(k=>[k,tr[k].name]),onChange:c}),o("p",{class:"hint",id:"provider-help",children:tr[s].steps}),o(we,{label:"Label",name:"label",value:f,onInput:p,hint:"e.g. Production org"}),o(we,{label:"Admin / usage key",name:"apiKey",type:"password",value:d,onInput:_,required:!0,hint:"Checked with the provider, then sealed at once; it is never shown again."}),o("button",{type:"submit",disabled:m,children:m?"Checking key…":"Connect"})]})]})]})}const Ld=!0,Ke="u-",Od="uplot",Ud=Ke+"hz",qd=Ke+"vt",Bd=Ke+"title",Fd=Ke+"wrap",Hd=Ke+"under",Wd=Ke+"over",Vd=Ke+"axis",$n=Ke+"off",zd=Ke+"select",Kd=Ke+"cursor-x",Gd=Ke+"cursor-y",jd=Ke+"cursor-pt",Yd=Ke+"legend",Qd=Ke+"live",Jd=Ke+"inline",Zd=Ke+"series",Xd=Ke+"marker",El=Ke+"label",ef=Ke+"value",Sr="width",kr="height",vr="top",Dl="bottom",Xn="left",Vo="right",bi="#000",Tl=bi+"0",zo="mousemove",Rl="mousedown",Ko="mouseup",Nl="mouseenter",Pl="mouseleave",xl="dblclick",tf="resize",nf="scroll",Ml="change",oo="dppxchange",Si="--",ar=typeof window<"u",ii=ar?document:null,rr=ar?window:null,rf=ar?navigator:null;let ge,Hr;function li(){let e=devicePixelRatio;ge!=e&&(ge=e,Hr&&ai(Ml,Hr,li),Hr=matchMedia(`(min-resolution: ${ge-.001}dppx) and (max-resolution: ${ge+.001}dppx)`),Dn(Ml,Hr,li),rr.dispatchEvent(new CustomEvent(oo)))}function _t(e,t){if(t!=null){let n=e.classList;!n.contains(t)&&n.add(t)}}function si(e,t){let n=e.classList;n.contains(t)&&n.remove(t)}function Ee(e,t,n){e.style[t]=n+"px"}function Lt(e,t,n,r){let i=ii.createElement(e);return t!=null&&_t(i,t),n!=null&&n.insertBefore(i,r),i}function Dt(e,t){return Lt("div",e,t)}const Ll=new WeakMap;function jt(e,t,n,r,i){let s="translate("+t+"px,"+n+"px)",c=Ll.get(e);s!=c&&(e.style.transform=s,Ll.set(e,s),t<0||n<0||t>r||n>i?_t(e,$n):si(e,$n))}const Ol=new WeakMap;function Ul(e,t,n){let r=t+n,i=Ol.get(e);r!=i&&(Ol.set(e,r),e.style.background=t,e.style.borderColor=n)}const ql=new WeakMap;function Bl(e,t,n,r){let i=t+""+n,s=ql.get(e);i!=s&&(ql.set(e,i),e.style.height=n+"px",e.style.width=t+"px",e.style.marginLeft=r?-t/2+"px":0,e.style.marginTop=r?-n/2+"px":0)}const ki={passive:!0},of={...ki,capture:!0};function Dn(e,t,n,r){t.addEventListener(e,n,r?of:ki)}function ai(e,t,n,r){t.removeEventListener(e,n,ki)}ar&&li();function Ot(e,t,n,r){let i;n=n||0,r=r||t.length-1;let s=r<=2147483647;for(;r-n>1;)i=s?n+r>>1:vt((n+r)/2),t[i]<e?n=i:r=i;return e-t[n]<=t[r]-e?n:r}function Bs(e){return(n,r,i)=>{let s=-1,c=-1;for(let f=r;f<=i;f++)if(e(n[f])){s=f;break}for(let f=i;f>=r;f--)if(e(n[f])){c=f;break}return[s,c]}}const Fs=e=>e!=null,Hs=e=>e!=null&&e>0,co=Bs(Fs),lf=Bs(Hs);function sf(e,t,n,r=0,i=!1){let s=i?lf:co,c=i?Hs:Fs;[t,n]=s(e,t,n);let f=e[t],p=e[t];if(t>-1)if(r==1)f=e[t],p=e[n];else if(r==-1)f=e[n],p=e[t];else for(let d=t;d<=n;d++){let _=e[d];c(_)&&(_<f?f=_:_>p&&(p=_))}return[f??be,p??-be]}function uo(e,t,n,r){let i=Wl(e),s=Wl(t);e==t&&(i==-1?(e*=n,t/=n):(e/=n,t*=n));let c=n==10?en:Ws,f=i==1?vt:Tt,p=s==1?Tt:vt,d=f(c(Ve(e))),_=p(c(Ve(t))),m=or(n,d),u=or(n,_);return n==10&&(d<0&&(m=Se(m,-d)),_<0&&(u=Se(u,-_))),r||n==2?(e=m*i,t=u*s):(e=Gs(e,m),t=fo(t,u)),[e,t]}function Ai(e,t,n,r){let i=uo(e,t,n,r);return e==0&&(i[0]=0),t==0&&(i[1]=0),i}const Ci=.1,Fl={mode:3,pad:Ci},Ir={pad:0,soft:null,mode:0},af={min:Ir,max:Ir};function io(e,t,n,r){return ho(n)?Hl(e,t,n):(Ir.pad=n,Ir.soft=r?0:null,Ir.mode=r?3:0,Hl(e,t,af))}function he(e,t){return e??t}function cf(e,t,n){for(t=he(t,0),n=he(n,e.length-1);t<=n;){if(e[t]!=null)return!0;t++}return!1}function Hl(e,t,n){let r=n.min,i=n.max,s=he(r.pad,0),c=he(i.pad,0),f=he(r.hard,-be),p=he(i.hard,be),d=he(r.soft,be),_=he(i.soft,-be),m=he(r.mode,0),u=he(i.mode,0),y=t-e,b=en(y),v=at(Ve(e),Ve(t)),A=en(v),C=Ve(A-b);(y<1e-24||C>10)&&(y=0,(e==0||t==0)&&(y=1e-24,m==2&&d!=be&&(s=0),u==2&&_!=-be&&(c=0)));let k=y||v||1e3,E=en(k),$=or(10,vt(E)),M=k*(y==0?e==0?.1:1:s),R=Se(Gs(e-M,$/10),24),J=e>=d&&(m==1||m==3&&R<=d||m==2&&R>=d)?d:be,W=at(f,R<J&&e>=J?J:Ut(J,R)),G=k*(y==0?t==0?.1:1:c),V=Se(fo(t+G,$/10),24),P=t<=_&&(u==1||u==3&&V>=_||u==2&&V<=_)?_:-be,O=Ut(p,V>P&&t<=P?P:at(P,V));return W==O&&W==0&&(O=100),[W,O]}const uf=new Intl.NumberFormat(ar?rf.language:"en-US"),Ii=e=>uf.format(e),bt=Math,Zr=bt.PI,Ve=bt.abs,vt=bt.floor,We=bt.round,Tt=bt.ceil,Ut=bt.min,at=bt.max,or=bt.pow,Wl=bt.sign,en=bt.log10,Ws=bt.log2,df=(e,t=1)=>bt.sinh(e)*t,Go=(e,t=1)=>bt.asinh(e/t),be=1/0;function Vl(e){return(en((e^e>>31)-(e>>31))|0)+1}function ci(e,t,n){return Ut(at(e,t),n)}function Vs(e){return typeof e=="function"}function ue(e){return Vs(e)?e:()=>e}const ff=()=>{},zs=e=>e,Ks=(e,t)=>t,hf=e=>null,zl=e=>!0,Kl=(e,t)=>e==t,mf=/\.\d*?(?=9{6,}|0{6,})/gm,Nn=e=>{if(Ys(e)||dn.has(e))return e;const t=`${e}`,n=t.match(mf);if(n==null)return e;let r=n[0].length-1;if(t.indexOf("e-")!=-1){let[i,s]=t.split("e");return+`${Nn(i)}e${s}`}return Se(e,r)};function Cn(e,t){return Nn(Se(Nn(e/t))*t)}function fo(e,t){return Nn(Tt(Nn(e/t))*t)}function Gs(e,t){return Nn(vt(Nn(e/t))*t)}function Se(e,t=0){if(Ys(e))return e;let n=10**t,r=e*n*(1+Number.EPSILON);return We(r)/n}const dn=new Map;function js(e){return((""+e).split(".")[1]||"").length}function Dr(e,t,n,r){let i=[],s=r.map(js);for(let c=t;c<n;c++){let f=Ve(c),p=Se(or(e,c),f);for(let d=0;d<r.length;d++){let _=e==10?+`${r[d]}e${c}`:r[d]*p,m=(c>=0?0:f)+(c>=s[d]?0:s[d]),u=e==10?_:Se(_,m);i.push(u),dn.set(u,m)}}return i}const $r={},$i=[],ir=[null,null],un=Array.isArray,Ys=Number.isInteger,pf=e=>e===void 0;function Gl(e){return typeof e=="string"}function ho(e){let t=!1;if(e!=null){let n=e.constructor;t=n==null||n==Object}return t}function gf(e){return e!=null&&typeof e=="object"}const yf=Object.getPrototypeOf(Uint8Array),Qs="__proto__";function lr(e,t=ho){let n;if(un(e)){let r=e.find(i=>i!=null);if(un(r)||t(r)){n=Array(e.length);for(let i=0;i<e.length;i++)n[i]=lr(e[i],t)}else n=e.slice()}else if(e instanceof yf)n=e.slice();else if(t(e)){n={};for(let r in e)r!=Qs&&(n[r]=lr(e[r],t))}else n=e;return n}function Be(e){let t=arguments;for(let n=1;n<t.length;n++){let r=t[n];for(let i in r)i!=Qs&&(ho(e[i])?Be(e[i],lr(r[i])):e[i]=lr(r[i]))}return e}const wf=0,_f=1,vf=2;function bf(e,t,n){for(let r=0,i,s=-1;r<t.length;r++){let c=t[r];if(c>s){for(i=c-1;i>=0&&e[i]==null;)e[i--]=null;for(i=c+1;i<n&&e[i]==null;)e[s=i++]=null}}}function Sf(e,t){if(Cf(e)){let c=e[0].slice();for(let f=1;f<e.length;f++)c.push(...e[f].slice(1));return If(c[0])||(c=Af(c)),c}let n=new Set;for(let c=0;c<e.length;c++){let p=e[c][0],d=p.length;for(let _=0;_<d;_++)n.add(p[_])}let r=[Array.from(n).sort((c,f)=>c-f)],i=r[0].length,s=new Map;for(let c=0;c<i;c++)s.set(r[0][c],c);for(let c=0;c<e.length;c++){let f=e[c],p=f[0];for(let d=1;d<f.length;d++){let _=f[d],m=Array(i).fill(void 0),u=t?t[c][d]:_f,y=[];for(let b=0;b<_.length;b++){let v=_[b],A=s.get(p[b]);v===null?u!=wf&&(m[A]=v,u==vf&&y.push(A)):m[A]=v}bf(m,y,i),r.push(m)}}return r}const kf=typeof queueMicrotask>"u"?e=>Promise.resolve().then(e):queueMicrotask;function Af(e){let t=e[0],n=t.length,r=Array(n);for(let s=0;s<r.length;s++)r[s]=s;r.sort((s,c)=>t[s]-t[c]);let i=[];for(let s=0;s<e.length;s++){let c=e[s],f=Array(n);for(let p=0;p<n;p++)f[p]=c[r[p]];i.push(f)}return i}function Cf(e){let t=e[0][0],n=t.length;for(let r=1;r<e.length;r++){let i=e[r][0];if(i.length!=n)return!1;if(i!=t){for(let s=0;s<n;s++)if(i[s]!=t[s])return!1}}return!0}function If(e,t=100){const n=e.length;if(n<=1)return!0;let r=0,i=n-1;for(;r<=i&&e[r]==null;)r++;for(;i>=r&&e[i]==null;)i--;if(i<=r)return!0;const s=at(1,vt((i-r+1)/t));for(let c=e[r],f=r+s;f<=i;f+=s){const p=e[f];if(p!=null){if(p<=c)return!1;c=p}}return!0}const Js=["January","February","March","April","May","June","July","August","September","October","November","December"],Zs=["Sunday","Monday","Tuesday","Wednesday","Thursday","Friday","Saturday"];function Xs(e){return e.slice(0,3)}const $f=Zs.map(Xs),Ef=Js.map(Xs),Df={MMMM:Js,MMM:Ef,WWWW:Zs,WWW:$f};function br(e){return(e<10?"0":"")+e}function Tf(e){return(e<10?"00":e<100?"0":"")+e}const Rf={YYYY:e=>e.getFullYear(),YY:e=>(e.getFullYear()+"").slice(2),MMMM:(e,t)=>t.MMMM[e.getMonth()],MMM:(e,t)=>t.MMM[e.getMonth()],MM:e=>br(e.getMonth()+1),M:e=>e.getMonth()+1,DD:e=>br(e.getDate()),D:e=>e.getDate(),WWWW:(e,t)=>t.WWWW[e.getDay()],WWW:(e,t)=>t.WWW[e.getDay()],HH:e=>br(e.getHours()),H:e=>e.getHours(),h:e=>{let t=e.getHours();return t==0?12:t>12?t-12:t},AA:e=>e.getHours()>=12?"PM":"AM",aa:e=>e.getHours()>=12?"pm":"am",a:e=>e.getHours()>=12?"p":"a",mm:e=>br(e.getMinutes()),m:e=>e.getMinutes(),ss:e=>br(e.getSeconds()),s:e=>e.getSeconds(),fff:e=>Tf(e.getMilliseconds())};function Ei(e,t){t=t||Df;let n=[],r=/\{([a-z]+)\}|[^{]+/gi,i;for(;i=r.exec(e);)n.push(i[0][0]=="{"?Rf[i[1]]:i[0]);return s=>{let c="";for(let f=0;f<n.length;f++)c+=typeof n[f]=="string"?n[f]:n[f](s,t);return c}}const Nf=new Intl.DateTimeFormat().resolvedOptions().timeZone;function Pf(e,t){let n;return t=="UTC"||t=="Etc/UTC"?n=new Date(+e+e.getTimezoneOffset()*6e4):t==Nf?n=e:(n=new Date(e.toLocaleString("en-US",{timeZone:t})),n.setMilliseconds(e.getMilliseconds())),n}const ea=e=>e%1==0,lo=[1,2,2.5,5],xf=Dr(10,-32,0,lo),ta=Dr(10,0,32,lo),Mf=ta.filter(ea),In=xf.concat(ta),Di=`
`,na="{YYYY}",jl=Di+na,ra="{M}/{D}",Ar=Di+ra,Wr=Ar+"/{YY}",oa="{aa}",Lf="{h}:{mm}",er=Lf+oa,Yl=Di+er,Ql=":{ss}",ye=null;function ia(e){let t=e*1e3,n=t*60,r=n*60,i=r*24,s=i*30,c=i*365,p=(e==1?Dr(10,0,3,lo).filter(ea):Dr(10,-3,0,lo)).concat([t,t*5,t*10,t*15,t*30,n,n*5,n*10,n*15,n*30,r,r*2,r*3,r*4,r*6,r*8,r*12,i,i*2,i*3,i*4,i*5,i*6,i*7,i*8,i*9,i*10,i*15,s,s*2,s*3,s*4,s*6,c,c*2,c*5,c*10,c*25,c*50,c*100]);const d=[[c,na,ye,ye,ye,ye,ye,ye,1],[i*28,"{MMM}",jl,ye,ye,ye,ye,ye,1],[i,ra,jl,ye,ye,ye,ye,ye,1],[r,"{h}"+oa,Wr,ye,Ar,ye,ye,ye,1],[n,er,Wr,ye,Ar,ye,ye,ye,1],[t,Ql,Wr+" "+er,ye,Ar+" "+er,ye,Yl,ye,1],[e,Ql+".{fff}",Wr+" "+er,ye,Ar+" "+er,ye,Yl,ye,1]];function _(m){return(u,y,b,v,A,C)=>{let k=[],E=A>=c,$=A>=s&&A<c,M=m(b),R=Se(M*e,3),J=jo(M.getFullYear(),E?0:M.getMonth(),$||E?1:M.getDate()),W=Se(J*e,3);if($||E){let G=$?A/s:0,V=E?A/c:0,P=R==W?R:Se(jo(J.getFullYear()+V,J.getMonth()+G,1)*e,3),O=new Date(We(P/e)),U=O.getFullYear(),j=O.getMonth();for(let T=0;P<=v;T++){let K=jo(U+V*T,j+G*T,1),N=K-m(Se(K*e,3));P=Se((+K+N)*e,3),P<=v&&k.push(P)}}else{let G=A>=i?i:A,V=vt(b)-vt(R),P=W+V+fo(R-W,G);k.push(P);let O=m(P),U=O.getHours()+O.getMinutes()/n+O.getSeconds()/r,j=A/r,T=u.axes[y]._space,K=C/T;for(;P=Se(P+A,e==1?0:3),!(P>v);)if(j>1){let N=vt(Se(U+j,6))%24,oe=m(P).getHours()-N;oe>1&&(oe=-1),P-=oe*r,U=(U+j)%24;let Y=k[k.length-1];Se((P-Y)/A,3)*K>=.7&&k.push(P)}else k.push(P)}return k}}return[p,d,_]}const[Of,Uf,qf]=ia(1),[Bf,Ff,Hf]=ia(.001);Dr(2,-53,53,[1]);function Jl(e,t){return e.map(n=>n.map((r,i)=>i==0||i==8||r==null?r:t(i==1||n[8]==0?r:n[1]+r)))}function Zl(e,t){return(n,r,i,s,c)=>{let f=t.find(b=>c>=b[0])||t[t.length-1],p,d,_,m,u,y;return r.map(b=>{let v=e(b),A=v.getFullYear(),C=v.getMonth(),k=v.getDate(),E=v.getHours(),$=v.getMinutes(),M=v.getSeconds(),R=A!=p&&f[2]||C!=d&&f[3]||k!=_&&f[4]||E!=m&&f[5]||$!=u&&f[6]||M!=y&&f[7]||f[1];return p=A,d=C,_=k,m=E,u=$,y=M,R(v)})}}function Wf(e,t){let n=Ei(t);return(r,i,s,c,f)=>i.map(p=>n(e(p)))}function jo(e,t,n){return new Date(e,t,n)}function Xl(e,t){return t(e)}const Vf="{YYYY}-{MM}-{DD} {h}:{mm}{aa}";function es(e,t){return(n,r,i,s)=>s==null?Si:t(e(r))}function zf(e,t){let n=e.series[t];return n.width?n.stroke(e,t):n.points.width?n.points.stroke(e,t):null}function Kf(e,t){return e.series[t].fill(e,t)}const Gf={show:!0,live:!0,isolate:!1,mount:ff,markers:{show:!0,width:2,stroke:zf,fill:Kf,dash:"solid"},idx:null,idxs:null,values:[]};function jf(e,t){let n=e.cursor.points,r=Dt(),i=n.size(e,t);Ee(r,Sr,i),Ee(r,kr,i);let s=i/-2;Ee(r,"marginLeft",s),Ee(r,"marginTop",s);let c=n.width(e,t,i);return c&&Ee(r,"borderWidth",c),r}function Yf(e,t){let n=e.series[t].points;return n._fill||n._stroke}function Qf(e,t){let n=e.series[t].points;return n._stroke||n._fill}function Jf(e,t){return e.series[t].points.size}const Yo=[0,0];function Zf(e,t,n){return Yo[0]=t,Yo[1]=n,Yo}function Vr(e,t,n,r=!0){return i=>{i.button==0&&(!r||i.target==t)&&n(i)}}function Qo(e,t,n,r=!0){return i=>{(!r||i.target==t)&&n(i)}}const Xf={show:!0,x:!0,y:!0,lock:!1,move:Zf,points:{one:!1,show:jf,size:Jf,width:0,stroke:Qf,fill:Yf},bind:{mousedown:Vr,mouseup:Vr,click:Vr,dblclick:Vr,mousemove:Qo,mouseleave:Qo,mouseenter:Qo},drag:{setScale:!0,x:!0,y:!1,dist:0,uni:null,click:(e,t)=>{t.stopPropagation(),t.stopImmediatePropagation()},_x:!1,_y:!1},focus:{dist:(e,t,n,r,i)=>r-i,prox:-1,bias:0},hover:{skip:[void 0],prox:null,bias:0},left:-10,top:-10,idx:null,dataIdx:null,idxs:null,event:null},la={show:!0,stroke:"rgba(0,0,0,0.07)",width:2},Ti=Be({},la,{filter:Ks}),sa=Be({},Ti,{size:10}),aa=Be({},la,{show:!1}),Ri='12px system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif, "Apple Color Emoji", "Segoe UI Emoji", "Segoe UI Symbol", "Noto Color Emoji"',ca="bold "+Ri,ua=1.5,ts={show:!0,scale:"x",stroke:bi,space:50,gap:5,alignTo:1,size:50,labelGap:0,labelSize:30,labelFont:ca,side:2,grid:Ti,ticks:sa,border:aa,font:Ri,lineGap:ua,rotate:0},eh="Value",th="Time",ns={show:!0,scale:"x",auto:!1,sorted:1,min:be,max:-be,idxs:[]};function nh(e,t,n,r,i){return t.map(s=>s==null?"":Ii(s))}function rh(e,t,n,r,i,s,c){let f=[],p=dn.get(i)||0;n=c?n:Se(fo(n,i),p);for(let d=n;d<=r;d=Se(d+i,p))f.push(Object.is(d,-0)?0:d);return f}function ui(e,t,n,r,i,s,c){const f=[],p=e.scales[e.axes[t].scale].log,d=p==10?en:Ws,_=vt(d(n));i=or(p,_),p==10&&(i=In[Ot(i,In)]);let m=n,u=i*p;p==10&&(u=In[Ot(u,In)]);do f.push(m),m=m+i,p==10&&!dn.has(m)&&(m=Se(m,dn.get(i))),m>=u&&(i=m,u=i*p,p==10&&(u=In[Ot(u,In)]));while(m<=r);return f}function oh(e,t,n,r,i,s,c){let p=e.scales[e.axes[t].scale].asinh,d=r>p?ui(e,t,at(p,n),r,i):[p],_=r>=0&&n<=0?[0]:[];return(n<-p?ui(e,t,at(p,-r),-n,i):[p]).reverse().map(u=>-u).concat(_,d)}const da=/./,ih=/[12357]/,lh=/[125]/,rs=/1/,di=(e,t,n,r)=>e.map((i,s)=>t==4&&i==0||s%r==0&&n.test(i.toExponential()[i<0?1:0])?i:null);function sh(e,t,n,r,i){let s=e.axes[n],c=s.scale,f=e.scales[c],p=e.valToPos,d=s._space,_=p(10,c),m=p(9,c)-_>=d?da:p(7,c)-_>=d?ih:p(5,c)-_>=d?lh:rs;if(m==rs){let u=Ve(p(1,c)-_);if(u<d)return di(t.slice().reverse(),f.distr,m,Tt(d/u)).reverse()}return di(t,f.distr,m,1)}function ah(e,t,n,r,i){let s=e.axes[n],c=s.scale,f=s._space,p=e.valToPos,d=Ve(p(1,c)-p(2,c));return d<f?di(t.slice().reverse(),3,da,Tt(f/d)).reverse():t}function ch(e,t,n,r){return r==null?Si:t==null?"":Ii(t)}const os={show:!0,scale:"y",stroke:bi,space:30,gap:5,alignTo:1,size:50,labelGap:0,labelSize:30,labelFont:ca,side:3,grid:Ti,ticks:sa,border:aa,font:Ri,lineGap:ua,rotate:0};function uh(e,t){let n=3+(e||1)*2;return Se(n*t,3)}function dh(e,t){let{scale:n,idxs:r}=e.series[0],i=e._data[0],s=e.valToPos(i[r[0]],n,!0),c=e.valToPos(i[r[1]],n,!0),f=Ve(c-s),p=e.series[t],d=f/(p.points.space*ge);return r[1]-r[0]<=d}const is={scale:null,auto:!0,sorted:0,min:be,max:-be},fa=(e,t,n,r,i)=>i,ls={show:!0,auto:!0,sorted:0,gaps:fa,alpha:1,facets:[Be({},is,{scale:"x"}),Be({},is,{scale:"y"})]},ss={scale:"y",auto:!0,sorted:0,show:!0,spanGaps:!1,gaps:fa,alpha:1,points:{show:dh,filter:null},values:null,min:be,max:-be,idxs:[],path:null,clip:null};function fh(e,t,n,r,i){return n/10}const ha={time:Ld,auto:!0,distr:1,log:10,asinh:1,min:null,max:null,dir:1,ori:0},hh=Be({},ha,{time:!1,ori:1}),as={};function ma(e,t){let n=as[e];return n||(n={key:e,plots:[],sub(r){n.plots.push(r)},unsub(r){n.plots=n.plots.filter(i=>i!=r)},pub(r,i,s,c,f,p,d){for(let _=0;_<n.plots.length;_++)n.plots[_]!=i&&n.plots[_].pub(r,i,s,c,f,p,d)}},e!=null&&(as[e]=n)),n}const sr=1,fi=2;function Pn(e,t,n){const r=e.mode,i=e.series[t],s=r==2?e._data[t]:e._data,c=e.scales,f=e.bbox;let p=s[0],d=r==2?s[1]:s[t],_=r==2?c[i.facets[0].scale]:c[e.series[0].scale],m=r==2?c[i.facets[1].scale]:c[i.scale],u=f.left,y=f.top,b=f.width,v=f.height,A=e.valToPosH,C=e.valToPosV;return _.ori==0?n(i,p,d,_,m,A,C,u,y,b,v,po,cr,yo,ga,wa):n(i,p,d,_,m,C,A,y,u,v,b,go,ur,xi,ya,_a)}function Ni(e,t){let n=0,r=0,i=he(e.bands,$i);for(let s=0;s<i.length;s++){let c=i[s];c.series[0]==t?n=c.dir:c.series[1]==t&&(c.dir==1?r|=1:r|=2)}return[n,r==1?-1:r==2?1:r==3?2:0]}function mh(e,t,n,r,i){let s=e.mode,c=e.series[t],f=s==2?c.facets[1].scale:c.scale,p=e.scales[f];return i==-1?p.min:i==1?p.max:p.distr==3?p.dir==1?p.min:p.max:0}function tn(e,t,n,r,i,s){return Pn(e,t,(c,f,p,d,_,m,u,y,b,v,A)=>{let C=c.pxRound;const k=d.dir*(d.ori==0?1:-1),E=d.ori==0?cr:ur;let $,M;k==1?($=n,M=r):($=r,M=n);let R=C(m(f[$],d,v,y)),J=C(u(p[$],_,A,b)),W=C(m(f[M],d,v,y)),G=C(u(s==1?_.max:_.min,_,A,b)),V=new Path2D(i);return E(V,W,G),E(V,R,G),E(V,R,J),V})}function mo(e,t,n,r,i,s){let c=null;if(e.length>0){c=new Path2D;const f=t==0?yo:xi;let p=n;for(let m=0;m<e.length;m++){let u=e[m];if(u[1]>u[0]){let y=u[0]-p;y>0&&f(c,p,r,y,r+s),p=u[1]}}let d=n+i-p,_=10;d>0&&f(c,p,r-_/2,d,r+s+_)}return c}function ph(e,t,n){let r=e[e.length-1];r&&r[0]==t?r[1]=n:e.push([t,n])}function Pi(e,t,n,r,i,s,c){let f=[],p=e.length;for(let d=i==1?n:r;d>=n&&d<=r;d+=i)if(t[d]===null){let m=d,u=d;if(i==1)for(;++d<=r&&t[d]===null;)u=d;else for(;--d>=n&&t[d]===null;)u=d;let y=s(e[m]),b=u==m?y:s(e[u]),v=m-i;y=c<=0&&v>=0&&v<p?s(e[v]):y;let C=u+i;b=c>=0&&C>=0&&C<p?s(e[C]):b,b>=y&&f.push([y,b])}return f}function cs(e){return e==0?zs:e==1?We:t=>Cn(t,e)}function pa(e){let t=e==0?po:go,n=e==0?(i,s,c,f,p,d)=>{i.arcTo(s,c,f,p,d)}:(i,s,c,f,p,d)=>{i.arcTo(c,s,p,f,d)},r=e==0?(i,s,c,f,p)=>{i.rect(s,c,f,p)}:(i,s,c,f,p)=>{i.rect(c,s,p,f)};return(i,s,c,f,p,d=0,_=0)=>{d==0&&_==0?r(i,s,c,f,p):(d=Ut(d,f/2,p/2),_=Ut(_,f/2,p/2),t(i,s+d,c),n(i,s+f,c,s+f,c+p,d),n(i,s+f,c+p,s,c+p,_),n(i,s,c+p,s,c,_),n(i,s,c,s+f,c,d),i.closePath())}}const po=(e,t,n)=>{e.moveTo(t,n)},go=(e,t,n)=>{e.moveTo(n,t)},cr=(e,t,n)=>{e.lineTo(t,n)},ur=(e,t,n)=>{e.lineTo(n,t)},yo=pa(0),xi=pa(1),ga=(e,t,n,r,i,s)=>{e.arc(t,n,r,i,s)},ya=(e,t,n,r,i,s)=>{e.arc(n,t,r,i,s)},wa=(e,t,n,r,i,s,c)=>{e.bezierCurveTo(t,n,r,i,s,c)},_a=(e,t,n,r,i,s,c)=>{e.bezierCurveTo(n,t,i,r,c,s)};function va(e){return(t,n,r,i,s)=>Pn(t,n,(c,f,p,d,_,m,u,y,b,v,A)=>{let{pxRound:C,points:k}=c,E,$;d.ori==0?(E=po,$=ga):(E=go,$=ya);const M=Se(k.width*ge,3);let R=(k.size-k.width)/2*ge,J=Se(R*2,3),W=new Path2D,G=new Path2D,{left:V,top:P,width:O,height:U}=t.bbox;yo(G,V-J,P-J,O+J*2,U+J*2);const j=T=>{if(p[T]!=null){let K=C(m(f[T],d,v,y)),N=C(u(p[T],_,A,b));E(W,K+R,N),$(W,K,N,R,0,Zr*2)}};if(s)s.forEach(j);else for(let T=r;T<=i;T++)j(T);return{stroke:M>0?W:null,fill:W,clip:G,flags:sr|fi}})}function ba(e){return(t,n,r,i,s,c)=>{r!=i&&(s!=r&&c!=r&&e(t,n,r),s!=i&&c!=i&&e(t,n,i),e(t,n,c))}}const gh=ba(cr),yh=ba(ur);function Sa(e){const t=he(e==null?void 0:e.alignGaps,0);return(n,r,i,s)=>Pn(n,r,(c,f,p,d,_,m,u,y,b,v,A)=>{[i,s]=co(p,i,s);let C=c.pxRound,k=U=>C(m(U,d,v,y)),E=U=>C(u(U,_,A,b)),$,M;d.ori==0?($=cr,M=gh):($=ur,M=yh);const R=d.dir*(d.ori==0?1:-1),J={stroke:new Path2D,fill:null,clip:null,band:null,gaps:null,flags:sr},W=J.stroke;let G=!1;if(s-i>=v*4){let U=z=>n.posToVal(z,d.key,!0),j=null,T=null,K,N,re,ee=k(f[R==1?i:s]),oe=k(f[i]),Y=k(f[s]),ie=U(R==1?oe+1:Y-1);for(let z=R==1?i:s;z>=i&&z<=s;z+=R){let De=f[z],se=(R==1?De<ie:De>ie)?ee:k(De),te=p[z];se==ee?te!=null?(N=te,j==null?($(W,se,E(N)),K=j=T=N):N<j?j=N:N>T&&(T=N)):te===null&&(G=!0):(j!=null&&M(W,ee,E(j),E(T),E(K),E(N)),te!=null?(N=te,$(W,se,E(N)),j=T=K=N):(j=T=null,te===null&&(G=!0)),ee=se,ie=U(ee+R))}j!=null&&j!=T&&re!=ee&&M(W,ee,E(j),E(T),E(K),E(N))}else for(let U=R==1?i:s;U>=i&&U<=s;U+=R){let j=p[U];j===null?G=!0:j!=null&&$(W,k(f[U]),E(j))}let[P,O]=Ni(n,r);if(c.fill!=null||P!=0){let U=J.fill=new Path2D(W),j=c.fillTo(n,r,c.min,c.max,P),T=E(j),K=k(f[i]),N=k(f[s]);R==-1&&([N,K]=[K,N]),$(U,N,T),$(U,K,T)}if(!c.spanGaps){let U=[];G&&U.push(...Pi(f,p,i,s,R,k,t)),J.gaps=U=c.gaps(n,r,i,s,U),J.clip=mo(U,d.ori,y,b,v,A)}return O!=0&&(J.band=O==2?[tn(n,r,i,s,W,-1),tn(n,r,i,s,W,1)]:tn(n,r,i,s,W,O)),J})}function wh(e){const t=he(e.align,1),n=he(e.ascDesc,!1),r=he(e.alignGaps,0),i=he(e.extend,!1);return(s,c,f,p)=>Pn(s,c,(d,_,m,u,y,b,v,A,C,k,E)=>{[f,p]=co(m,f,p);let $=d.pxRound,{left:M,width:R}=s.bbox,J=oe=>$(b(oe,u,k,A)),W=oe=>$(v(oe,y,E,C)),G=u.ori==0?cr:ur;const V={stroke:new Path2D,fill:null,clip:null,band:null,gaps:null,flags:sr},P=V.stroke,O=u.dir*(u.ori==0?1:-1);let U=W(m[O==1?f:p]),j=J(_[O==1?f:p]),T=j,K=j;i&&t==-1&&(K=M,G(P,K,U)),G(P,j,U);for(let oe=O==1?f:p;oe>=f&&oe<=p;oe+=O){let Y=m[oe];if(Y==null)continue;let ie=J(_[oe]),z=W(Y);t==1?G(P,ie,U):G(P,T,z),G(P,ie,z),U=z,T=ie}let N=T;i&&t==1&&(N=M+R,G(P,N,U));let[re,ee]=Ni(s,c);if(d.fill!=null||re!=0){let oe=V.fill=new Path2D(P),Y=d.fillTo(s,c,d.min,d.max,re),ie=W(Y);G(oe,N,ie),G(oe,K,ie)}if(!d.spanGaps){let oe=[];oe.push(...Pi(_,m,f,p,O,J,r));let Y=d.width*ge/2,ie=n||t==1?Y:-Y,z=n||t==-1?-Y:Y;oe.forEach(De=>{De[0]+=ie,De[1]+=z}),V.gaps=oe=d.gaps(s,c,f,p,oe),V.clip=mo(oe,u.ori,A,C,k,E)}return ee!=0&&(V.band=ee==2?[tn(s,c,f,p,P,-1),tn(s,c,f,p,P,1)]:tn(s,c,f,p,P,ee)),V})}function us(e,t,n,r,i,s,c=be){if(e.length>1){let f=null;for(let p=0,d=1/0;p<e.length;p++)if(t[p]!==void 0){if(f!=null){let _=Ve(e[p]-e[f]);_<d&&(d=_,c=Ve(n(e[p],r,i,s)-n(e[f],r,i,s)))}f=p}}return c}function _h(e){e=e||$r;const t=he(e.size,[.6,be,1]),n=e.align||0,r=e.gap||0;let i=e.radius;i=i==null?[0,0]:typeof i=="number"?[i,0]:i;const s=ue(i),c=1-t[0],f=he(t[1],be),p=he(t[2],1),d=he(e.disp,$r),_=he(e.each,y=>{}),{fill:m,stroke:u}=d;return(y,b,v,A)=>Pn(y,b,(C,k,E,$,M,R,J,W,G,V,P)=>{let O=C.pxRound,U=n,j=r*ge,T=f*ge,K=p*ge,N,re;$.ori==0?[N,re]=s(y,b):[re,N]=s(y,b);const ee=$.dir*($.ori==0?1:-1);let oe=$.ori==0?yo:xi,Y=$.ori==0?_:(F,Ae,He,On,pn,Ht,gn)=>{_(F,Ae,He,pn,On,gn,Ht)},ie=he(y.bands,$i).find(F=>F.series[0]==b),z=ie!=null?ie.dir:0,De=C.fillTo(y,b,C.min,C.max,z),Ne=O(J(De,M,P,G)),se,te,St,rt=V,Re=O(C.width*ge),Ft=!1,Qt=null,kt=null,nn=null,xn=null;m!=null&&(Re==0||u!=null)&&(Ft=!0,Qt=m.values(y,b,v,A),kt=new Map,new Set(Qt).forEach(F=>{F!=null&&kt.set(F,new Path2D)}),Re>0&&(nn=u.values(y,b,v,A),xn=new Map,new Set(nn).forEach(F=>{F!=null&&xn.set(F,new Path2D)})));let{x0:Mn,size:dr}=d;if(Mn!=null&&dr!=null){U=1,k=Mn.values(y,b,v,A),Mn.unit==2&&(k=k.map(He=>y.posToVal(W+He*V,$.key,!0)));let F=dr.values(y,b,v,A);dr.unit==2?te=F[0]*V:te=R(F[0],$,V,W)-R(0,$,V,W),rt=us(k,E,R,$,V,W,rt),St=rt-te+j}else rt=us(k,E,R,$,V,W,rt),St=rt*c+j,te=rt-St;St<1&&(St=0),Re>=te/2&&(Re=0),St<5&&(O=zs);let Tr=St>0,hn=rt-St-(Tr?Re:0);te=O(ci(hn,K,T)),se=(U==0?te/2:U==ee?0:te)-U*ee*((U==0?j/2:0)+(Tr?Re/2:0));const ot={stroke:null,fill:null,clip:null,band:null,gaps:null,flags:0},Ln=Ft?null:new Path2D;let Jt=null;if(ie!=null)Jt=y.data[ie.series[1]];else{let{y0:F,y1:Ae}=d;F!=null&&Ae!=null&&(E=Ae.values(y,b,v,A),Jt=F.values(y,b,v,A))}let mn=N*te,ae=re*te;for(let F=ee==1?v:A;F>=v&&F<=A;F+=ee){let Ae=E[F];if(Ae==null)continue;if(Jt!=null){let ut=Jt[F]??0;if(Ae-ut==0)continue;Ne=J(ut,M,P,G)}let He=$.distr!=2||d!=null?k[F]:F,On=R(He,$,V,W),pn=J(he(Ae,De),M,P,G),Ht=O(On-se),gn=O(at(pn,Ne)),mt=O(Ut(pn,Ne)),At=gn-mt;if(Ae!=null){let ut=Ae<0?ae:mn,Nt=Ae<0?mn:ae;Ft?(Re>0&&nn[F]!=null&&oe(xn.get(nn[F]),Ht,mt+vt(Re/2),te,at(0,At-Re),ut,Nt),Qt[F]!=null&&oe(kt.get(Qt[F]),Ht,mt+vt(Re/2),te,at(0,At-Re),ut,Nt)):oe(Ln,Ht,mt+vt(Re/2),te,at(0,At-Re),ut,Nt),Y(y,b,F,Ht-Re/2,mt,te+Re,At)}}return Re>0?ot.stroke=Ft?xn:Ln:Ft||(ot._fill=C.width==0?C._fill:C._stroke??C._fill,ot.width=0),ot.fill=Ft?kt:Ln,ot})}function vh(e,t){const n=he(t==null?void 0:t.alignGaps,0);return(r,i,s,c)=>Pn(r,i,(f,p,d,_,m,u,y,b,v,A,C)=>{[s,c]=co(d,s,c);let k=f.pxRound,E=N=>k(u(N,_,A,b)),$=N=>k(y(N,m,C,v)),M,R,J;_.ori==0?(M=po,J=cr,R=wa):(M=go,J=ur,R=_a);const W=_.dir*(_.ori==0?1:-1);let G=E(p[W==1?s:c]),V=G,P=[],O=[];for(let N=W==1?s:c;N>=s&&N<=c;N+=W)if(d[N]!=null){let ee=p[N],oe=E(ee);P.push(V=oe),O.push($(d[N]))}const U={stroke:e(P,O,M,J,R,k),fill:null,clip:null,band:null,gaps:null,flags:sr},j=U.stroke;let[T,K]=Ni(r,i);if(f.fill!=null||T!=0){let N=U.fill=new Path2D(j),re=f.fillTo(r,i,f.min,f.max,T),ee=$(re);J(N,V,ee),J(N,G,ee)}if(!f.spanGaps){let N=[];N.push(...Pi(p,d,s,c,W,E,n)),U.gaps=N=f.gaps(r,i,s,c,N),U.clip=mo(N,_.ori,b,v,A,C)}return K!=0&&(U.band=K==2?[tn(r,i,s,c,j,-1),tn(r,i,s,c,j,1)]:tn(r,i,s,c,j,K)),U})}function bh(e){return vh(Sh,e)}function Sh(e,t,n,r,i,s){const c=e.length;if(c<2)return null;const f=new Path2D;if(n(f,e[0],t[0]),c==2)r(f,e[1],t[1]);else{let p=Array(c),d=Array(c-1),_=Array(c-1),m=Array(c-1);for(let u=0;u<c-1;u++)_[u]=t[u+1]-t[u],m[u]=e[u+1]-e[u],d[u]=_[u]/m[u];p[0]=d[0];for(let u=1;u<c-1;u++)d[u]===0||d[u-1]===0||d[u-1]>0!=d[u]>0?p[u]=0:(p[u]=3*(m[u-1]+m[u])/((2*m[u]+m[u-1])/d[u-1]+(m[u]+2*m[u-1])/d[u]),isFinite(p[u])||(p[u]=0));p[c-1]=d[c-2];for(let u=0;u<c-1;u++)i(f,e[u]+m[u]/3,t[u]+p[u]*m[u]/3,e[u+1]-m[u]/3,t[u+1]-p[u+1]*m[u]/3,e[u+1],t[u+1])}return f}const hi=new Set;function ds(){for(let e of hi)e.syncRect(!0)}ar&&(Dn(tf,rr,ds),Dn(nf,rr,ds,!0),Dn(oo,rr,()=>{nt.pxRatio=ge}));const kh=Sa(),Ah=va();function fs(e,t,n,r){return(r?[e[0],e[1]].concat(e.slice(2)):[e[0]].concat(e.slice(1))).map((s,c)=>mi(s,c,t,n))}function Ch(e,t){return e.map((n,r)=>r==0?{}:Be({},t,n))}function mi(e,t,n,r){return Be({},t==0?n:r,e)}function ka(e,t,n){return t==null?ir:[t,n]}const Ih=ka;function $h(e,t,n){return t==null?ir:io(t,n,Ci,!0)}function Aa(e,t,n,r){return t==null?ir:uo(t,n,e.scales[r].log,!1)}const Eh=Aa;function Ca(e,t,n,r){return t==null?ir:Ai(t,n,e.scales[r].log,!1)}const Dh=Ca;function Th(e,t,n,r,i){let s=at(Vl(e),Vl(t)),c=t-e,f=Ot(i/r*c,n);do{let p=n[f],d=r*p/c;if(d>=i&&s+(p<5?dn.get(p):0)<=17)return[p,d]}while(++f<n.length);return[0,0]}function hs(e){let t,n;return e=e.replace(/(\d+)px/,(r,i)=>(t=We((n=+i)*ge))+"px"),[e,t,n]}function Rh(e){e.show&&[e.font,e.labelFont].forEach(t=>{let n=Se(t[2]*ge,1);t[0]=t[0].replace(/[0-9.]+px/,n+"px"),t[1]=n})}function nt(e,t,n){const r={mode:he(e.mode,1)},i=r.mode;function s(l,a,h,g){let w=a.valToPct(l);return g+h*(a.dir==-1?1-w:w)}function c(l,a,h,g){let w=a.valToPct(l);return g+h*(a.dir==-1?w:1-w)}function f(l,a,h,g){return a.ori==0?s(l,a,h,g):c(l,a,h,g)}r.valToPosH=s,r.valToPosV=c;let p=!1;r.status=0;const d=r.root=Dt(Od);if(e.id!=null&&(d.id=e.id),_t(d,e.class),e.title){let l=Dt(Bd,d);l.textContent=e.title}const _=Lt("canvas"),m=r.ctx=_.getContext("2d"),u=Dt(Fd,d);Dn("click",u,l=>{l.target===b&&(Ce!=jn||Te!=Yn)&&et.click(r,l)},!0);const y=r.under=Dt(Hd,u);u.appendChild(_);const b=r.over=Dt(Wd,u);e=lr(e);const v=+he(e.pxAlign,1),A=cs(v);(e.plugins||[]).forEach(l=>{l.opts&&(e=l.opts(r,e)||e)});const C=e.ms||.001,k=r.series=i==1?fs(e.series||[],ns,ss,!1):Ch(e.series||[null],ls),E=r.axes=fs(e.axes||[],ts,os,!0),$=r.scales={},M=r.bands=e.bands||[];M.forEach(l=>{l.fill=ue(l.fill||null),l.dir=he(l.dir,-1)});const R=i==2?k[1].facets[0].scale:k[0].scale,J={axes:Qa,series:za},W=(e.drawOrder||["axes","series"]).map(l=>J[l]);function G(l){const a=l.distr==3?h=>en(h>0?h:l.clamp(r,h,l.min,l.max,l.key)):l.distr==4?h=>Go(h,l.asinh):l.distr==100?h=>l.fwd(h):h=>h;return h=>{let g=a(h),{_min:w,_max:S}=l,I=S-w;return(g-w)/I}}function V(l){let a=$[l];if(a==null){let h=(e.scales||$r)[l]||$r;if(h.from!=null){V(h.from);let g=Be({},$[h.from],h,{key:l});g.valToPct=G(g),$[l]=g}else{a=$[l]=Be({},l==R?ha:hh,h),a.key=l;let g=a.time,w=a.range,S=un(w);if((l!=R||i==2&&!g)&&(S&&(w[0]==null||w[1]==null)&&(w={min:w[0]==null?Fl:{mode:1,hard:w[0],soft:w[0]},max:w[1]==null?Fl:{mode:1,hard:w[1],soft:w[1]}},S=!1),!S&&ho(w))){let I=w;w=(D,x,q)=>x==null?ir:io(x,q,I)}a.range=ue(w||(g?Ih:l==R?a.distr==3?Eh:a.distr==4?Dh:ka:a.distr==3?Aa:a.distr==4?Ca:$h)),a.auto=ue(S?!1:a.auto),a.clamp=ue(a.clamp||fh),a._min=a._max=null,a.valToPct=G(a)}}}V("x"),V("y"),i==1&&k.forEach(l=>{V(l.scale)}),E.forEach(l=>{V(l.scale)});for(let l in e.scales)V(l);const P=$[R],O=P.distr;let U,j;P.ori==0?(_t(d,Ud),U=s,j=c):(_t(d,qd),U=c,j=s);const T={};for(let l in $){let a=$[l];(a.min!=null||a.max!=null)&&(T[l]={min:a.min,max:a.max},a.min=a.max=null)}const K=e.tzDate||(l=>new Date(We(l/C))),N=e.fmtDate||Ei,re=C==1?qf(K):Hf(K),ee=Zl(K,Jl(C==1?Uf:Ff,N)),oe=es(K,Xl(Vf,N)),Y=[],ie=r.legend=Be({},Gf,e.legend),z=r.cursor=Be({},Xf,{drag:{y:i==2}},e.cursor),De=ie.show,Ne=z.show,se=ie.markers;ie.idxs=Y,se.width=ue(se.width),se.dash=ue(se.dash),se.stroke=ue(se.stroke),se.fill=ue(se.fill);let te,St,rt,Re=[],Ft=[],Qt,kt=!1,nn={};if(ie.live){const l=k[1]?k[1].values:null;kt=l!=null,Qt=kt?l(r,1,0):{_:0};for(let a in Qt)nn[a]=Si}if(De)if(te=Lt("table",Yd,d),rt=Lt("tbody",null,te),ie.mount(r,te),kt){St=Lt("thead",null,te,rt);let l=Lt("tr",null,St);Lt("th",null,l);for(var xn in Qt)Lt("th",El,l).textContent=xn}else _t(te,Jd),ie.live&&_t(te,Qd);const Mn={show:!0},dr={show:!1};function Tr(l,a){if(a==0&&(kt||!ie.live||i==2))return ir;let h=[],g=Lt("tr",Zd,rt,rt.childNodes[a]);_t(g,l.class),l.show||_t(g,$n);let w=Lt("th",null,g);if(se.show){let D=Dt(Xd,w);if(a>0){let x=se.width(r,a);x&&(D.style.border=x+"px "+se.dash(r,a)+" "+se.stroke(r,a)),D.style.background=se.fill(r,a)}}let S=Dt(El,w);l.label instanceof HTMLElement?S.appendChild(l.label):S.textContent=l.label,a>0&&(se.show||(S.style.color=l.width>0?se.stroke(r,a):se.fill(r,a)),ot("click",w,D=>{if(z._lock)return;wn(D);let x=k.indexOf(l);if((D.ctrlKey||D.metaKey)!=ie.isolate){let q=k.some((B,H)=>H>0&&H!=x&&B.show);k.forEach((B,H)=>{H>0&&Vt(H,q?H==x?Mn:dr:Mn,!0,Ue.setSeries)})}else Vt(x,{show:!l.show},!0,Ue.setSeries)},!1),qn&&ot(Nl,w,D=>{z._lock||(wn(D),Vt(k.indexOf(l),Jn,!0,Ue.setSeries))},!1));for(var I in Qt){let D=Lt("td",ef,g);D.textContent="--",h.push(D)}return[g,h]}const hn=new Map;function ot(l,a,h,g=!0){const w=hn.get(a)||{},S=z.bind[l](r,a,h,g);S&&(Dn(l,a,w[l]=S),hn.set(a,w))}function Ln(l,a,h){const g=hn.get(a)||{};for(let w in g)(l==null||w==l)&&(ai(w,a,g[w]),delete g[w]);l==null&&hn.delete(a)}let Jt=0,mn=0,ae=0,F=0,Ae=0,He=0,On=Ae,pn=He,Ht=ae,gn=F,mt=0,At=0,ut=0,Nt=0;r.bbox={};let wo=!1,Rr=!1,Un=!1,yn=!1,Nr=!1,Ct=!1;function _o(l,a,h){(h||l!=r.width||a!=r.height)&&Mi(l,a),Vn(!1),Un=!0,Rr=!0,zn()}function Mi(l,a){r.width=Jt=ae=l,r.height=mn=F=a,Ae=He=0,Ua(),qa();let h=r.bbox;mt=h.left=Cn(Ae*ge,.5),At=h.top=Cn(He*ge,.5),ut=h.width=Cn(ae*ge,.5),Nt=h.height=Cn(F*ge,.5)}const Ma=3;function La(){let l=!1,a=0;for(;!l;){a++;let h=ja(a),g=Ya(a);l=a==Ma||h&&g,l||(Mi(r.width,r.height),Rr=!0)}}function Oa({width:l,height:a}){_o(l,a)}r.setSize=Oa;function Ua(){let l=!1,a=!1,h=!1,g=!1;E.forEach((w,S)=>{if(w.show&&w._show){let{side:I,_size:D}=w,x=I%2,q=w.label!=null?w.labelSize:0,B=D+q;B>0&&(x?(ae-=B,I==3?(Ae+=B,g=!0):h=!0):(F-=B,I==0?(He+=B,l=!0):a=!0))}}),_n[0]=l,_n[1]=h,_n[2]=a,_n[3]=g,ae-=rn[1]+rn[3],Ae+=rn[3],F-=rn[2]+rn[0],He+=rn[0]}function qa(){let l=Ae+ae,a=He+F,h=Ae,g=He;function w(S,I){switch(S){case 1:return l+=I,l-I;case 2:return a+=I,a-I;case 3:return h-=I,h+I;case 0:return g-=I,g+I}}E.forEach((S,I)=>{if(S.show&&S._show){let D=S.side;S._pos=w(D,S._size),S.label!=null&&(S._lpos=w(D,S.labelSize))}})}if(z.dataIdx==null){let l=z.hover,a=l.skip=new Set(l.skip??[]);a.add(void 0);let h=l.prox=ue(l.prox),g=l.bias??(l.bias=0);z.dataIdx=(w,S,I,D)=>{if(S==0)return I;let x=I,q=h(w,S,I,D)??be,B=q>=0&&q<be,H=P.ori==0?ae:F,le=z.left,pe=t[0],fe=t[S];if(a.has(fe[I])){x=null;let ce=null,ne=null,Q;if(g==0||g==-1)for(Q=I;ce==null&&Q-- >0;)a.has(fe[Q])||(ce=Q);if(g==0||g==1)for(Q=I;ne==null&&Q++<fe.length;)a.has(fe[Q])||(ne=Q);if(ce!=null||ne!=null)if(B){let $e=ce==null?-1/0:U(pe[ce],P,H,0),Pe=ne==null?1/0:U(pe[ne],P,H,0),Ze=le-$e,_e=Pe-le;Ze<=_e?Ze<=q&&(x=ce):_e<=q&&(x=ne)}else x=ne==null?ce:ce==null?ne:I-ce<=ne-I?ce:ne}else B&&Ve(le-U(pe[I],P,H,0))>q&&(x=null);return x}}const wn=l=>{z.event=l};z.idxs=Y,z._lock=!1;let tt=z.points;tt.show=ue(tt.show),tt.size=ue(tt.size),tt.stroke=ue(tt.stroke),tt.width=ue(tt.width),tt.fill=ue(tt.fill);const Wt=r.focus=Be({},e.focus||{alpha:.3},z.focus),qn=Wt.prox>=0,Bn=qn&&tt.one;let It=[],Fn=[],Hn=[];function Li(l,a){let h=tt.show(r,a);if(h instanceof HTMLElement)return _t(h,jd),_t(h,l.class),jt(h,-10,-10,ae,F),b.insertBefore(h,It[a]),h}function Oi(l,a){if(i==1||a>0){let h=i==1&&$[l.scale].time,g=l.value;l.value=h?Gl(g)?es(K,Xl(g,N)):g||oe:g||ch,l.label=l.label||(h?th:eh)}if(Bn||a>0){l.width=l.width==null?1:l.width,l.paths=l.paths||kh||hf,l.fillTo=ue(l.fillTo||mh),l.pxAlign=+he(l.pxAlign,v),l.pxRound=cs(l.pxAlign),l.stroke=ue(l.stroke||null),l.fill=ue(l.fill||null),l._stroke=l._fill=l._paths=l._focus=null;let h=uh(at(1,l.width),1),g=l.points=Be({},{size:h,width:at(1,h*.2),stroke:l.stroke,space:h*2,paths:Ah,_stroke:null,_fill:null},l.points);g.show=ue(g.show),g.filter=ue(g.filter),g.fill=ue(g.fill),g.stroke=ue(g.stroke),g.paths=ue(g.paths),g.pxAlign=l.pxAlign}if(De){let h=Tr(l,a);Re.splice(a,0,h[0]),Ft.splice(a,0,h[1]),ie.values.push(null)}if(Ne){Y.splice(a,0,null);let h=null;Bn?a==0&&(h=Li(l,a)):a>0&&(h=Li(l,a)),It.splice(a,0,h),Fn.splice(a,0,0),Hn.splice(a,0,0)}Je("addSeries",a)}function Ba(l,a){a=a??k.length,l=i==1?mi(l,a,ns,ss):mi(l,a,{},ls),k.splice(a,0,l),Oi(k[a],a)}r.addSeries=Ba;function Fa(l){if(k.splice(l,1),De){ie.values.splice(l,1),Ft.splice(l,1);let a=Re.splice(l,1)[0];Ln(null,a.firstChild),a.remove()}Ne&&(Y.splice(l,1),It.splice(l,1)[0].remove(),Fn.splice(l,1),Hn.splice(l,1)),Je("delSeries",l)}r.delSeries=Fa;const _n=[!1,!1,!1,!1];function Ha(l,a){if(l._show=l.show,l.show){let h=l.side%2,g=$[l.scale];g==null&&(l.scale=h?k[1].scale:R,g=$[l.scale]);let w=g.time;l.size=ue(l.size),l.space=ue(l.space),l.rotate=ue(l.rotate),un(l.incrs)&&l.incrs.forEach(I=>{!dn.has(I)&&dn.set(I,js(I))}),l.incrs=ue(l.incrs||(g.distr==2?Mf:w?C==1?Of:Bf:In)),l.splits=ue(l.splits||(w&&g.distr==1?re:g.distr==3?ui:g.distr==4?oh:rh)),l.stroke=ue(l.stroke),l.grid.stroke=ue(l.grid.stroke),l.ticks.stroke=ue(l.ticks.stroke),l.border.stroke=ue(l.border.stroke);let S=l.values;l.values=un(S)&&!un(S[0])?ue(S):w?un(S)?Zl(K,Jl(S,N)):Gl(S)?Wf(K,S):S||ee:S||nh,l.filter=ue(l.filter||(g.distr>=3&&g.log==10?sh:g.distr==3&&g.log==2?ah:Ks)),l.font=hs(l.font),l.labelFont=hs(l.labelFont),l._size=l.size(r,null,a,0),l._space=l._rotate=l._incrs=l._found=l._splits=l._values=null,l._size>0&&(_n[a]=!0,l._el=Dt(Vd,u))}}function fr(l,a,h,g){let[w,S,I,D]=h,x=a%2,q=0;return x==0&&(D||S)&&(q=a==0&&!w||a==2&&!I?We(ts.size/3):0),x==1&&(w||I)&&(q=a==1&&!S||a==3&&!D?We(os.size/2):0),q}const Ui=r.padding=(e.padding||[fr,fr,fr,fr]).map(l=>ue(he(l,fr))),rn=r._padding=Ui.map((l,a)=>l(r,a,_n,0));let Xe,Ge=null,je=null;const Pr=i==1?k[0].idxs:null;let Pt=null,hr=!1;function qi(l,a){if(t=l??[],r.data=r._data=t,i==2){Xe=0;for(let h=1;h<k.length;h++)Xe+=t[h][0].length}else{t.length==0&&(r.data=r._data=t=[[]]),Pt=t[0],Xe=Pt.length;let h=t;if(O==2){h=t.slice();let g=h[0]=Array(Xe);for(let w=0;w<Xe;w++)g[w]=w}r._data=t=h}if(Vn(!0),Je("setData"),O==2&&(Un=!0),a!==!1){let h=P;h.auto(r,hr)?vo():ln(R,h.min,h.max),yn=yn||z.left>=0,Ct=!0,zn()}}r.setData=qi;function vo(){hr=!0;let l,a;i==1&&(Xe>0?(Ge=Pr[0]=0,je=Pr[1]=Xe-1,l=t[0][Ge],a=t[0][je],O==2?(l=Ge,a=je):l==a&&(O==3?[l,a]=uo(l,l,P.log,!1):O==4?[l,a]=Ai(l,l,P.log,!1):P.time?a=l+We(86400/C):[l,a]=io(l,a,Ci,!0))):(Ge=Pr[0]=l=null,je=Pr[1]=a=null)),ln(R,l,a)}let xr,Wn,bo,So,ko,Ao,Co,Io,$o,dt;function Bi(l,a,h,g,w,S){l??(l=Tl),h??(h=$i),g??(g="butt"),w??(w=Tl),S??(S="round"),l!=xr&&(m.strokeStyle=xr=l),w!=Wn&&(m.fillStyle=Wn=w),a!=bo&&(m.lineWidth=bo=a),S!=ko&&(m.lineJoin=ko=S),g!=Ao&&(m.lineCap=Ao=g),h!=So&&m.setLineDash(So=h)}function Fi(l,a,h,g){a!=Wn&&(m.fillStyle=Wn=a),l!=Co&&(m.font=Co=l),h!=Io&&(m.textAlign=Io=h),g!=$o&&(m.textBaseline=$o=g)}function Eo(l,a,h,g,w=0){if(g.length>0&&l.auto(r,hr)&&(a==null||a.min==null)){let S=he(Ge,0),I=he(je,g.length-1),D=h.min==null?sf(g,S,I,w,l.distr==3):[h.min,h.max];l.min=Ut(l.min,h.min=D[0]),l.max=at(l.max,h.max=D[1])}}const Hi={min:null,max:null};function Wa(){for(let g in $){let w=$[g];T[g]==null&&(w.min==null||T[R]!=null&&w.auto(r,hr))&&(T[g]=Hi)}for(let g in $){let w=$[g];T[g]==null&&w.from!=null&&T[w.from]!=null&&(T[g]=Hi)}T[R]!=null&&Vn(!0);let l={};for(let g in T){let w=T[g];if(w!=null){let S=l[g]=lr($[g],gf);if(w.min!=null)Be(S,w);else if(g!=R||i==2)if(Xe==0&&S.from==null){let I=S.range(r,null,null,g);S.min=I[0],S.max=I[1]}else S.min=be,S.max=-be}}if(Xe>0){k.forEach((g,w)=>{if(i==1){let S=g.scale,I=T[S];if(I==null)return;let D=l[S];if(w==0){let x=D.range(r,D.min,D.max,S);D.min=x[0],D.max=x[1],Ge=Ot(D.min,t[0]),je=Ot(D.max,t[0]),je-Ge>1&&(t[0][Ge]<D.min&&Ge++,t[0][je]>D.max&&je--),g.min=Pt[Ge],g.max=Pt[je]}else g.show&&g.auto&&Eo(D,I,g,t[w],g.sorted);g.idxs[0]=Ge,g.idxs[1]=je}else if(w>0&&g.show&&g.auto){let[S,I]=g.facets,D=S.scale,x=I.scale,[q,B]=t[w],H=l[D],le=l[x];H!=null&&Eo(H,T[D],S,q,S.sorted),le!=null&&Eo(le,T[x],I,B,I.sorted),g.min=I.min,g.max=I.max}});for(let g in l){let w=l[g],S=T[g];if(w.from==null&&(S==null||S.min==null)){let I=w.range(r,w.min==be?null:w.min,w.max==-be?null:w.max,g);w.min=I[0],w.max=I[1]}}}for(let g in l){let w=l[g];if(w.from!=null){let S=l[w.from];if(S.min==null)w.min=w.max=null;else{let I=w.range(r,S.min,S.max,g);w.min=I[0],w.max=I[1]}}}let a={},h=!1;for(let g in l){let w=l[g],S=$[g];if(S.min!=w.min||S.max!=w.max){S.min=w.min,S.max=w.max;let I=S.distr;S._min=I==3?en(S.min):I==4?Go(S.min,S.asinh):I==100?S.fwd(S.min):S.min,S._max=I==3?en(S.max):I==4?Go(S.max,S.asinh):I==100?S.fwd(S.max):S.max,a[g]=h=!0}}if(h){k.forEach((g,w)=>{i==2?w>0&&a.y&&(g._paths=null):a[g.scale]&&(g._paths=null)});for(let g in a)Un=!0,Je("setScale",g);Ne&&z.left>=0&&(yn=Ct=!0)}for(let g in T)T[g]=null}function Va(l){let a=ci(Ge-1,0,Xe-1),h=ci(je+1,0,Xe-1);for(;l[a]==null&&a>0;)a--;for(;l[h]==null&&h<Xe-1;)h++;return[a,h]}function za(){if(Xe>0){let l=k.some(a=>a._focus)&&dt!=Wt.alpha;l&&(m.globalAlpha=dt=Wt.alpha),k.forEach((a,h)=>{if(h>0&&a.show&&(Wi(h,!1),Wi(h,!0),a._paths==null)){let g=dt;dt!=a.alpha&&(m.globalAlpha=dt=a.alpha);let w=i==2?[0,t[h][0].length-1]:Va(t[h]);a._paths=a.paths(r,h,w[0],w[1]),dt!=g&&(m.globalAlpha=dt=g)}}),k.forEach((a,h)=>{if(h>0&&a.show){let g=dt;dt!=a.alpha&&(m.globalAlpha=dt=a.alpha),a._paths!=null&&Vi(h,!1);{let w=a._paths!=null?a._paths.gaps:null,S=a.points.show(r,h,Ge,je,w),I=a.points.filter(r,h,S,w);(S||I)&&(a.points._paths=a.points.paths(r,h,Ge,je,I),Vi(h,!0))}dt!=g&&(m.globalAlpha=dt=g),Je("drawSeries",h)}}),l&&(m.globalAlpha=dt=1)}}function Wi(l,a){let h=a?k[l].points:k[l];h._stroke=h.stroke(r,l),h._fill=h.fill(r,l)}function Vi(l,a){let h=a?k[l].points:k[l],{stroke:g,fill:w,clip:S,flags:I,_stroke:D=h._stroke,_fill:x=h._fill,_width:q=h.width}=h._paths;q=Se(q*ge,3);let B=null,H=q%2/2;a&&x==null&&(x=q>0?"#fff":D);let le=h.pxAlign==1&&H>0;if(le&&m.translate(H,H),!a){let pe=mt-q/2,fe=At-q/2,ce=ut+q,ne=Nt+q;B=new Path2D,B.rect(pe,fe,ce,ne)}a?Do(D,q,h.dash,h.cap,x,g,w,I,S):Ka(l,D,q,h.dash,h.cap,x,g,w,I,B,S),le&&m.translate(-H,-H)}function Ka(l,a,h,g,w,S,I,D,x,q,B){let H=!1;x!=0&&M.forEach((le,pe)=>{if(le.series[0]==l){let fe=k[le.series[1]],ce=t[le.series[1]],ne=(fe._paths||$r).band;un(ne)&&(ne=le.dir==1?ne[0]:ne[1]);let Q,$e=null;fe.show&&ne&&cf(ce,Ge,je)?($e=le.fill(r,pe)||S,Q=fe._paths.clip):ne=null,Do(a,h,g,w,$e,I,D,x,q,B,Q,ne),H=!0}}),H||Do(a,h,g,w,S,I,D,x,q,B)}const zi=sr|fi;function Do(l,a,h,g,w,S,I,D,x,q,B,H){Bi(l,a,h,g,w),(x||q||H)&&(m.save(),x&&m.clip(x),q&&m.clip(q)),H?(D&zi)==zi?(m.clip(H),B&&m.clip(B),Lr(w,I),Mr(l,S,a)):D&fi?(Lr(w,I),m.clip(H),Mr(l,S,a)):D&sr&&(m.save(),m.clip(H),B&&m.clip(B),Lr(w,I),m.restore(),Mr(l,S,a)):(Lr(w,I),Mr(l,S,a)),(x||q||H)&&m.restore()}function Mr(l,a,h){h>0&&(a instanceof Map?a.forEach((g,w)=>{m.strokeStyle=xr=w,m.stroke(g)}):a!=null&&l&&m.stroke(a))}function Lr(l,a){a instanceof Map?a.forEach((h,g)=>{m.fillStyle=Wn=g,m.fill(h)}):a!=null&&l&&m.fill(a)}function Ga(l,a,h,g){let w=E[l],S;if(g<=0)S=[0,0];else{let I=w._space=w.space(r,l,a,h,g),D=w._incrs=w.incrs(r,l,a,h,g,I);S=Th(a,h,D,g,I)}return w._found=S}function To(l,a,h,g,w,S,I,D,x,q){let B=I%2/2;v==1&&m.translate(B,B),Bi(D,I,x,q,D),m.beginPath();let H,le,pe,fe,ce=w+(g==0||g==3?-S:S);h==0?(le=w,fe=ce):(H=w,pe=ce);for(let ne=0;ne<l.length;ne++)a[ne]!=null&&(h==0?H=pe=l[ne]:le=fe=l[ne],m.moveTo(H,le),m.lineTo(pe,fe));m.stroke(),v==1&&m.translate(-B,-B)}function ja(l){let a=!0;return E.forEach((h,g)=>{if(!h.show)return;let w=$[h.scale];if(w.min==null){h._show&&(a=!1,h._show=!1,Vn(!1));return}else h._show||(a=!1,h._show=!0,Vn(!1));let S=h.side,I=S%2,{min:D,max:x}=w,[q,B]=Ga(g,D,x,I==0?ae:F);if(B==0)return;let H=w.distr==2,le=h._splits=h.splits(r,g,D,x,q,B,H),pe=w.distr==2?le.map(Q=>Pt[Q]):le,fe=w.distr==2?Pt[le[1]]-Pt[le[0]]:q,ce=h._values=h.values(r,h.filter(r,pe,g,B,fe),g,B,fe);h._rotate=S==2?h.rotate(r,ce,g,B):0;let ne=h._size;h._size=Tt(h.size(r,ce,g,l)),ne!=null&&h._size!=ne&&(a=!1)}),a}function Ya(l){let a=!0;return Ui.forEach((h,g)=>{let w=h(r,g,_n,l);w!=rn[g]&&(a=!1),rn[g]=w}),a}function Qa(){for(let l=0;l<E.length;l++){let a=E[l];if(!a.show||!a._show)continue;let h=a.side,g=h%2,w,S,I=a.stroke(r,l),D=h==0||h==3?-1:1,[x,q]=a._found;if(a.label!=null){let lt=a.labelGap*D,yt=We((a._lpos+lt)*ge);Fi(a.labelFont[0],I,"center",h==2?vr:Dl),m.save(),g==1?(w=S=0,m.translate(yt,We(At+Nt/2)),m.rotate((h==3?-Zr:Zr)/2)):(w=We(mt+ut/2),S=yt);let Sn=Vs(a.label)?a.label(r,l,x,q):a.label;m.fillText(Sn,w,S),m.restore()}if(q==0)continue;let B=$[a.scale],H=g==0?ut:Nt,le=g==0?mt:At,pe=a._splits,fe=B.distr==2?pe.map(lt=>Pt[lt]):pe,ce=B.distr==2?Pt[pe[1]]-Pt[pe[0]]:x,ne=a.ticks,Q=a.border,$e=ne.show?ne.size:0,Pe=We($e*ge),Ze=We((a.alignTo==2?a._size-$e-a.gap:a.gap)*ge),_e=a._rotate*-Zr/180,xe=A(a._pos*ge),pt=(Pe+Ze)*D,it=xe+pt;S=g==0?it:0,w=g==1?it:0;let $t=a.font[0],xt=a.align==1?Xn:a.align==2?Vo:_e>0?Xn:_e<0?Vo:g==0?"center":h==3?Vo:Xn,Kt=_e||g==1?"middle":h==2?vr:Dl;Fi($t,I,xt,Kt);let gt=a.font[1]*a.lineGap,Et=pe.map(lt=>A(f(lt,B,H,le))),Mt=a._values;for(let lt=0;lt<Mt.length;lt++){let yt=Mt[lt];if(yt!=null){g==0?w=Et[lt]:S=Et[lt],yt=""+yt;let Sn=yt.indexOf(`
`)==-1?[yt]:yt.split(/\n/gm);for(let st=0;st<Sn.length;st++){let ul=Sn[st];_e?(m.save(),m.translate(w,S+st*gt),m.rotate(_e),m.fillText(ul,0,0),m.restore()):m.fillText(ul,w,S+st*gt)}}}ne.show&&To(Et,ne.filter(r,fe,l,q,ce),g,h,xe,Pe,Se(ne.width*ge,3),ne.stroke(r,l),ne.dash,ne.cap);let Gt=a.grid;Gt.show&&To(Et,Gt.filter(r,fe,l,q,ce),g,g==0?2:1,g==0?At:mt,g==0?Nt:ut,Se(Gt.width*ge,3),Gt.stroke(r,l),Gt.dash,Gt.cap),Q.show&&To([xe],[1],g==0?1:0,g==0?1:2,g==1?At:mt,g==1?Nt:ut,Se(Q.width*ge,3),Q.stroke(r,l),Q.dash,Q.cap)}Je("drawAxes")}function Vn(l){k.forEach((a,h)=>{h>0&&(a._paths=null,l&&(i==1?(a.min=null,a.max=null):a.facets.forEach(g=>{g.min=null,g.max=null})))})}let Or=!1,Ro=!1,mr=[];function Ja(){Ro=!1;for(let l=0;l<mr.length;l++)Je(...mr[l]);mr.length=0}function zn(){Or||(kf(Ki),Or=!0)}function Za(l,a=!1){Or=!0,Ro=a,l(r),Ki(),a&&mr.length>0&&queueMicrotask(Ja)}r.batch=Za;function Ki(){if(wo&&(Wa(),wo=!1),Un&&(La(),Un=!1),Rr){if(Ee(y,Xn,Ae),Ee(y,vr,He),Ee(y,Sr,ae),Ee(y,kr,F),Ee(b,Xn,Ae),Ee(b,vr,He),Ee(b,Sr,ae),Ee(b,kr,F),Ee(u,Sr,Jt),Ee(u,kr,mn),_.width=We(Jt*ge),_.height=We(mn*ge),E.forEach(({_el:l,_show:a,_size:h,_pos:g,side:w})=>{if(l!=null)if(a){let S=w===3||w===0?h:0,I=w%2==1;Ee(l,I?"left":"top",g-S),Ee(l,I?"width":"height",h),Ee(l,I?"top":"left",I?He:Ae),Ee(l,I?"height":"width",I?F:ae),si(l,$n)}else _t(l,$n)}),xr=Wn=bo=ko=Ao=Co=Io=$o=So=null,dt=1,yr(!0),Ae!=On||He!=pn||ae!=Ht||F!=gn){Vn(!1);let l=ae/Ht,a=F/gn;if(Ne&&!yn&&z.left>=0){z.left*=l,z.top*=a,Kn&&jt(Kn,We(z.left),0,ae,F),Gn&&jt(Gn,0,We(z.top),ae,F);for(let h=0;h<It.length;h++){let g=It[h];g!=null&&(Fn[h]*=l,Hn[h]*=a,jt(g,Tt(Fn[h]),Tt(Hn[h]),ae,F))}}if(Ie.show&&!Nr&&Ie.left>=0&&Ie.width>0){Ie.left*=l,Ie.width*=l,Ie.top*=a,Ie.height*=a;for(let h in Oo)Ee(Qn,h,Ie[h])}On=Ae,pn=He,Ht=ae,gn=F}Je("setSize"),Rr=!1}Jt>0&&mn>0&&(m.clearRect(0,0,_.width,_.height),Je("drawClear"),W.forEach(l=>l()),Je("draw")),Ie.show&&Nr&&(Ur(Ie),Nr=!1),Ne&&yn&&(bn(null,!0,!1),yn=!1),ie.show&&ie.live&&Ct&&(Mo(),Ct=!1),p||(p=!0,r.status=1,Je("ready")),hr=!1,Or=!1}r.redraw=(l,a)=>{Un=a||!1,l!==!1?ln(R,P.min,P.max):zn()};function No(l,a){let h=$[l];if(h.from==null){if(Xe==0){let g=h.range(r,a.min,a.max,l);a.min=g[0],a.max=g[1]}if(a.min>a.max){let g=a.min;a.min=a.max,a.max=g}if(Xe>1&&a.min!=null&&a.max!=null&&a.max-a.min<1e-16)return;l==R&&h.distr==2&&Xe>0&&(a.min=Ot(a.min,t[0]),a.max=Ot(a.max,t[0]),a.min==a.max&&a.max++),T[l]=a,wo=!0,zn()}}r.setScale=No;let Po,xo,Kn,Gn,Gi,ji,jn,Yn,Yi,Qi,Ce,Te,on=!1;const et=z.drag;let Ye=et.x,Qe=et.y;Ne&&(z.x&&(Po=Dt(Kd,b)),z.y&&(xo=Dt(Gd,b)),P.ori==0?(Kn=Po,Gn=xo):(Kn=xo,Gn=Po),Ce=z.left,Te=z.top);const Ie=r.select=Be({show:!0,over:!0,left:0,width:0,top:0,height:0},e.select),Qn=Ie.show?Dt(zd,Ie.over?b:y):null;function Ur(l,a){if(Ie.show){for(let h in l)Ie[h]=l[h],h in Oo&&Ee(Qn,h,l[h]);a!==!1&&Je("setSelect")}}r.setSelect=Ur;function Xa(l){if(k[l].show)De&&si(Re[l],$n);else if(De&&_t(Re[l],$n),Ne){let h=Bn?It[0]:It[l];h!=null&&jt(h,-10,-10,ae,F)}}function ln(l,a,h){No(l,{min:a,max:h})}function Vt(l,a,h,g){a.focus!=null&&oc(l),a.show!=null&&k.forEach((w,S)=>{S>0&&(l==S||l==null)&&(w.show=a.show,Xa(S),i==2?(ln(w.facets[0].scale,null,null),ln(w.facets[1].scale,null,null)):ln(w.scale,null,null),zn())}),h!==!1&&Je("setSeries",l,a),g&&wr("setSeries",r,l,a)}r.setSeries=Vt;function ec(l,a){Be(M[l],a)}function tc(l,a){l.fill=ue(l.fill||null),l.dir=he(l.dir,-1),a=a??M.length,M.splice(a,0,l)}function nc(l){l==null?M.length=0:M.splice(l,1)}r.addBand=tc,r.setBand=ec,r.delBand=nc;function rc(l,a){k[l].alpha=a,Ne&&It[l]!=null&&(It[l].style.opacity=a),De&&Re[l]&&(Re[l].style.opacity=a)}let Zt,sn,vn;const Jn={focus:!0};function oc(l){if(l!=vn){let a=l==null,h=Wt.alpha!=1;k.forEach((g,w)=>{if(i==1||w>0){let S=a||w==0||w==l;g._focus=a?null:S,h&&rc(w,S?1:Wt.alpha)}}),vn=l,h&&zn()}}De&&qn&&ot(Pl,te,l=>{z._lock||(wn(l),vn!=null&&Vt(null,Jn,!0,Ue.setSeries))});function zt(l,a,h){let g=$[a];h&&(l=l/ge-(g.ori==1?He:Ae));let w=ae;g.ori==1&&(w=F,l=w-l),g.dir==-1&&(l=w-l);let S=g._min,I=g._max,D=l/w,x=S+(I-S)*D,q=g.distr;return q==3?or(10,x):q==4?df(x,g.asinh):q==100?g.bwd(x):x}function ic(l,a){let h=zt(l,R,a);return Ot(h,t[0],Ge,je)}r.valToIdx=l=>Ot(l,t[0]),r.posToIdx=ic,r.posToVal=zt,r.valToPos=(l,a,h)=>$[a].ori==0?s(l,$[a],h?ut:ae,h?mt:0):c(l,$[a],h?Nt:F,h?At:0),r.setCursor=(l,a,h)=>{Ce=l.left,Te=l.top,bn(null,a,h)};function Ji(l,a){Ee(Qn,Xn,Ie.left=l),Ee(Qn,Sr,Ie.width=a)}function Zi(l,a){Ee(Qn,vr,Ie.top=l),Ee(Qn,kr,Ie.height=a)}let pr=P.ori==0?Ji:Zi,gr=P.ori==1?Ji:Zi;function lc(){if(De&&ie.live)for(let l=i==2?1:0;l<k.length;l++){if(l==0&&kt)continue;let a=ie.values[l],h=0;for(let g in a)Ft[l][h++].firstChild.nodeValue=a[g]}}function Mo(l,a){if(l!=null&&(l.idxs?l.idxs.forEach((h,g)=>{Y[g]=h}):pf(l.idx)||Y.fill(l.idx),ie.idx=Y[0]),De&&ie.live){for(let h=0;h<k.length;h++)(h>0||i==1&&!kt)&&sc(h,Y[h]);lc()}Ct=!1,a!==!1&&Je("setLegend")}r.setLegend=Mo;function sc(l,a){let h=k[l],g=l==0&&O==2?Pt:t[l],w;kt?w=h.values(r,l,a)??nn:(w=h.value(r,a==null?null:g[a],l,a),w=w==null?nn:{_:w}),ie.values[l]=w}function bn(l,a,h){Yi=Ce,Qi=Te,[Ce,Te]=z.move(r,Ce,Te),z.left=Ce,z.top=Te,Ne&&(Kn&&jt(Kn,We(Ce),0,ae,F),Gn&&jt(Gn,0,We(Te),ae,F));let g,w=Ge>je;Zt=be,sn=null;let S=P.ori==0?ae:F,I=P.ori==1?ae:F;if(Ce<0||Xe==0||w){g=z.idx=null;for(let D=0;D<k.length;D++){let x=It[D];x!=null&&jt(x,-10,-10,ae,F)}qn&&Vt(null,Jn,!0,l==null&&Ue.setSeries),ie.live&&(Y.fill(g),Ct=!0)}else{let D,x,q;i==1&&(D=P.ori==0?Ce:Te,x=zt(D,R),g=z.idx=Ot(x,t[0],Ge,je),q=U(t[0][g],P,S,0));let B=-10,H=-10,le=0,pe=0,fe=!0,ce="",ne="";for(let Q=i==2?1:0;Q<k.length;Q++){let $e=k[Q],Pe=Y[Q],Ze=Pe==null?null:i==1?t[Q][Pe]:t[Q][1][Pe],_e=z.dataIdx(r,Q,g,x),xe=_e==null?null:i==1?t[Q][_e]:t[Q][1][_e];if(Ct=Ct||xe!=Ze||_e!=Pe,Y[Q]=_e,Q>0&&$e.show){let pt=_e==null?-10:_e==g?q:U(i==1?t[0][_e]:t[Q][0][_e],P,S,0),it=xe==null?-10:j(xe,i==1?$[$e.scale]:$[$e.facets[1].scale],I,0);if(qn&&xe!=null){let $t=P.ori==1?Ce:Te,xt=Ve(Wt.dist(r,Q,_e,it,$t));if(xt<Zt){let Kt=Wt.bias;if(Kt!=0){let gt=zt($t,$e.scale),Et=xe>=0?1:-1,Mt=gt>=0?1:-1;Mt==Et&&(Mt==1?Kt==1?xe>=gt:xe<=gt:Kt==1?xe<=gt:xe>=gt)&&(Zt=xt,sn=Q)}else Zt=xt,sn=Q}}if(Ct||Bn){let $t,xt;P.ori==0?($t=pt,xt=it):($t=it,xt=pt);let Kt,gt,Et,Mt,Gt,lt,yt=!0,Sn=tt.bbox;if(Sn!=null){yt=!1;let st=Sn(r,Q);Et=st.left,Mt=st.top,Kt=st.width,gt=st.height}else Et=$t,Mt=xt,Kt=gt=tt.size(r,Q);if(lt=tt.fill(r,Q),Gt=tt.stroke(r,Q),Bn)Q==sn&&Zt<=Wt.prox&&(B=Et,H=Mt,le=Kt,pe=gt,fe=yt,ce=lt,ne=Gt);else{let st=It[Q];st!=null&&(Fn[Q]=Et,Hn[Q]=Mt,Bl(st,Kt,gt,yt),Ul(st,lt,Gt),jt(st,Tt(Et),Tt(Mt),ae,F))}}}}if(Bn){let Q=Wt.prox,$e=vn==null?Zt<=Q:Zt>Q||sn!=vn;if(Ct||$e){let Pe=It[0];Pe!=null&&(Fn[0]=B,Hn[0]=H,Bl(Pe,le,pe,fe),Ul(Pe,ce,ne),jt(Pe,Tt(B),Tt(H),ae,F))}}}if(Ie.show&&on)if(l!=null){let[D,x]=Ue.scales,[q,B]=Ue.match,[H,le]=l.cursor.sync.scales,pe=l.cursor.drag;if(Ye=pe._x,Qe=pe._y,Ye||Qe){let{left:fe,top:ce,width:ne,height:Q}=l.select,$e=l.scales[H].ori,Pe=l.posToVal,Ze,_e,xe,pt,it,$t=D!=null&&q(D,H),xt=x!=null&&B(x,le);$t&&Ye?($e==0?(Ze=fe,_e=ne):(Ze=ce,_e=Q),xe=$[D],pt=U(Pe(Ze,H),xe,S,0),it=U(Pe(Ze+_e,H),xe,S,0),pr(Ut(pt,it),Ve(it-pt))):pr(0,S),xt&&Qe?($e==1?(Ze=fe,_e=ne):(Ze=ce,_e=Q),xe=$[x],pt=j(Pe(Ze,le),xe,I,0),it=j(Pe(Ze+_e,le),xe,I,0),gr(Ut(pt,it),Ve(it-pt))):gr(0,I)}else Uo()}else{let D=Ve(Yi-Gi),x=Ve(Qi-ji);if(P.ori==1){let le=D;D=x,x=le}Ye=et.x&&D>=et.dist,Qe=et.y&&x>=et.dist;let q=et.uni;q!=null?Ye&&Qe&&(Ye=D>=q,Qe=x>=q,!Ye&&!Qe&&(x>D?Qe=!0:Ye=!0)):et.x&&et.y&&(Ye||Qe)&&(Ye=Qe=!0);let B,H;Ye&&(P.ori==0?(B=jn,H=Ce):(B=Yn,H=Te),pr(Ut(B,H),Ve(H-B)),Qe||gr(0,I)),Qe&&(P.ori==1?(B=jn,H=Ce):(B=Yn,H=Te),gr(Ut(B,H),Ve(H-B)),Ye||pr(0,S)),!Ye&&!Qe&&(pr(0,0),gr(0,0))}if(et._x=Ye,et._y=Qe,l==null){if(h){if(cl!=null){let[D,x]=Ue.scales;Ue.values[0]=D!=null?zt(P.ori==0?Ce:Te,D):null,Ue.values[1]=x!=null?zt(P.ori==1?Ce:Te,x):null}wr(zo,r,Ce,Te,ae,F,g)}if(qn){let D=h&&Ue.setSeries,x=Wt.prox;vn==null?Zt<=x&&Vt(sn,Jn,!0,D):Zt>x?Vt(null,Jn,!0,D):sn!=vn&&Vt(sn,Jn,!0,D)}}Ct&&(ie.idx=g,Mo()),a!==!1&&Je("setCursor")}let an=null;Object.defineProperty(r,"rect",{get(){return an==null&&yr(!1),an}});function yr(l=!1){l?an=null:(an=b.getBoundingClientRect(),Je("syncRect",an))}function Xi(l,a,h,g,w,S,I){z._lock||on&&l!=null&&l.movementX==0&&l.movementY==0||(Lo(l,a,h,g,w,S,I,!1,l!=null),l!=null?bn(null,!0,!0):bn(a,!0,!1))}function Lo(l,a,h,g,w,S,I,D,x){if(an==null&&yr(!1),wn(l),l!=null)h=l.clientX-an.left,g=l.clientY-an.top;else{if(h<0||g<0){Ce=-10,Te=-10;return}let[q,B]=Ue.scales,H=a.cursor.sync,[le,pe]=H.values,[fe,ce]=H.scales,[ne,Q]=Ue.match,$e=a.axes[0].side%2==1,Pe=P.ori==0?ae:F,Ze=P.ori==1?ae:F,_e=$e?S:w,xe=$e?w:S,pt=$e?g:h,it=$e?h:g;if(fe!=null?h=ne(q,fe)?f(le,$[q],Pe,0):-10:h=Pe*(pt/_e),ce!=null?g=Q(B,ce)?f(pe,$[B],Ze,0):-10:g=Ze*(it/xe),P.ori==1){let $t=h;h=g,g=$t}}x&&(a==null||a.cursor.event.type==zo)&&((h<=1||h>=ae-1)&&(h=Cn(h,ae)),(g<=1||g>=F-1)&&(g=Cn(g,F))),D?(Gi=h,ji=g,[jn,Yn]=z.move(r,h,g)):(Ce=h,Te=g)}const Oo={width:0,height:0,left:0,top:0};function Uo(){Ur(Oo,!1)}let el,tl,nl,rl;function ol(l,a,h,g,w,S,I){on=!0,Ye=Qe=et._x=et._y=!1,Lo(l,a,h,g,w,S,I,!0,!1),l!=null&&(ot(Ko,ii,il,!1),wr(Rl,r,jn,Yn,ae,F,null));let{left:D,top:x,width:q,height:B}=Ie;el=D,tl=x,nl=q,rl=B}function il(l,a,h,g,w,S,I){on=et._x=et._y=!1,Lo(l,a,h,g,w,S,I,!1,!0);let{left:D,top:x,width:q,height:B}=Ie,H=q>0||B>0,le=el!=D||tl!=x||nl!=q||rl!=B;if(H&&le&&Ur(Ie),et.setScale&&H&&le){let pe=D,fe=q,ce=x,ne=B;if(P.ori==1&&(pe=x,fe=B,ce=D,ne=q),Ye&&ln(R,zt(pe,R),zt(pe+fe,R)),Qe)for(let Q in $){let $e=$[Q];Q!=R&&$e.from==null&&$e.min!=be&&ln(Q,zt(ce+ne,Q),zt(ce,Q))}Uo()}else z.lock&&(z._lock=!z._lock,bn(a,!0,l!=null));l!=null&&(Ln(Ko,ii),wr(Ko,r,Ce,Te,ae,F,null))}function ac(l,a,h,g,w,S,I){if(z._lock)return;wn(l);let D=on;if(on){let x=!0,q=!0,B=10,H,le;P.ori==0?(H=Ye,le=Qe):(H=Qe,le=Ye),H&&le&&(x=Ce<=B||Ce>=ae-B,q=Te<=B||Te>=F-B),H&&x&&(Ce=Ce<jn?0:ae),le&&q&&(Te=Te<Yn?0:F),bn(null,!0,!0),on=!1}Ce=-10,Te=-10,Y.fill(null),bn(null,!0,!0),D&&(on=D)}function ll(l,a,h,g,w,S,I){z._lock||(wn(l),vo(),Uo(),l!=null&&wr(xl,r,Ce,Te,ae,F,null))}function sl(){E.forEach(Rh),_o(r.width,r.height,!0)}Dn(oo,rr,sl);const Zn={};Zn.mousedown=ol,Zn.mousemove=Xi,Zn.mouseup=il,Zn.dblclick=ll,Zn.setSeries=(l,a,h,g)=>{let w=Ue.match[2];h=w(r,a,h),h!=-1&&Vt(h,g,!0,!1)},Ne&&(ot(Rl,b,ol),ot(zo,b,Xi),ot(Nl,b,l=>{wn(l),yr(!1)}),ot(Pl,b,ac),ot(xl,b,ll),hi.add(r),r.syncRect=yr);const qr=r.hooks=e.hooks||{};function Je(l,a,h){Ro?mr.push([l,a,h]):l in qr&&qr[l].forEach(g=>{g.call(null,r,a,h)})}(e.plugins||[]).forEach(l=>{for(let a in l.hooks)qr[a]=(qr[a]||[]).concat(l.hooks[a])});const al=(l,a,h)=>h,Ue=Be({key:null,setSeries:!1,filters:{pub:zl,sub:zl},scales:[R,k[1]?k[1].scale:null],match:[Kl,Kl,al],values:[null,null]},z.sync);Ue.match.length==2&&Ue.match.push(al),z.sync=Ue;const cl=Ue.key,qo=ma(cl);function wr(l,a,h,g,w,S,I){Ue.filters.pub(l,a,h,g,w,S,I)&&qo.pub(l,a,h,g,w,S,I)}qo.sub(r);function cc(l,a,h,g,w,S,I){Ue.filters.sub(l,a,h,g,w,S,I)&&Zn[l](null,a,h,g,w,S,I)}r.pub=cc;function uc(){qo.unsub(r),hi.delete(r),hn.clear(),ai(oo,rr,sl),d.remove(),te==null||te.remove(),Je("destroy")}r.destroy=uc;function Bo(){Je("init",e,t),qi(t||e.data,!1),T[R]?No(R,T[R]):vo(),Nr=Ie.show&&(Ie.width>0||Ie.height>0),yn=Ct=!0,_o(e.width,e.height)}return k.forEach(Oi),E.forEach(Ha),n?n instanceof HTMLElement?(n.appendChild(d),Bo()):n(r,Bo):Bo(),r}nt.assign=Be;nt.fmtNum=Ii;nt.rangeNum=io;nt.rangeLog=uo;nt.rangeAsinh=Ai;nt.orient=Pn;nt.pxRatio=ge;nt.join=Sf;nt.fmtDate=Ei,nt.tzDate=Pf;nt.sync=ma;{nt.addGap=ph,nt.clipGaps=mo;let e=nt.paths={points:va};e.linear=Sa,e.stepped=wh,e.bars=_h,e.spline=bh}const Nh=X(`
  query Usage($filter: UsageFilter!, $month: UsageFilter!, $groupBy: [UsageDimension!], $granularity: Granularity) {
    usage(filter: $filter, groupBy: $groupBy, granularity: $granularity) {
      currency totalCost costBasis inputTokens outputTokens requests
      series { bucketStart provider model project apiKey connectionId cost costBasis connection { label } }
    }
    month: usage(filter: $month, granularity: MONTH) { currency totalCost costBasis }
    connections { id provider label status lastSyncedAt lastError }
  }
`),Ph=X(`
  query Revisions($filter: UsageFilter!) {
    usageRevisions(filter: $filter, first: 10) {
      edges { node { id kind bucketStart provider model project lineItem currency costDelta revisedAt } }
    }
  }
`),xh=X(`
  subscription UsageUpdated { usageUpdated { connectionId rowsChanged } }
`),Mh=X(`
  subscription SyncStatusLive { syncStatus { connectionId status rowsChanged error } }
`),ms=864e5,zr=["#2563eb","#d97706","#059669","#db2777","#7c3aed","#0891b2","#65a30d","#dc2626","#6b7280"],Kr=[["PROVIDER","Provider"],["MODEL","Model"],["PROJECT","Project"],["API_KEY","API key"],["CONNECTION","Connection"]],Lh=[["HOUR","Hour"],["DAY","Day"],["WEEK","Week"],["MONTH","Month"]],Oh=[["ALL","All providers"],["OPENAI","OpenAI"],["ANTHROPIC","Anthropic"],["OPENROUTER","OpenRouter"]],Ia={OPENAI:"OpenAI",ANTHROPIC:"Anthropic",OPENROUTER:"OpenRouter"},ps={REPORTED:"reported by the provider",ESTIMATED:"estimated from list prices",MIXED:"partly estimated",NONE:"no cost data"};function $a(e){return e.toISOString().slice(0,10)}function Ea(e,t){var n;switch(t){case"PROVIDER":return e.provider?Ia[e.provider]:"unknown";case"MODEL":return e.model??"(no model)";case"PROJECT":return e.project??"(no project)";case"API_KEY":return e.apiKey??"(no key)";case"CONNECTION":return((n=e.connection)==null?void 0:n.label)??e.connectionId??"unknown"}}function Da(e,t,n){const r=new Map;for(const i of e){const s=Ea(i,t),c=r.get(s)??{total:0,first:0,second:0,basis:new Set},f=Number(i.cost);c.total+=f,Date.parse(i.bucketStart)<n?c.first+=f:c.second+=f,c.basis.add(i.costBasis),r.set(s,c)}return[...r.entries()].sort((i,s)=>s[1].total-i[1].total)}function Uh(e){const t=kc(null);return ht(()=>{var y;const n=t.current;if(!n||e.series.length===0)return;const r=Da(e.series,e.dim,0).map(([b])=>b),i=r.slice(0,8),s=r.length>8?[...i,"other"]:i,c=[...new Set(e.series.map(b=>Date.parse(b.bucketStart)/1e3))].sort((b,v)=>b-v),f=new Map(c.map((b,v)=>[b,v])),p=s.map(()=>new Array(c.length).fill(0));for(const b of e.series){const v=Ea(b,e.dim),A=i.includes(v)?i.indexOf(v):s.length-1;p[A][f.get(Date.parse(b.bucketStart)/1e3)]+=Number(b.cost)}const d=p.map((b,v)=>c.map((A,C)=>p.slice(v).reduce((k,E)=>k+E[C],0))),_=b=>Rt(b,e.currency),m=new nt({width:n.clientWidth||600,height:280,scales:{x:{time:!0},y:{range:(b,v,A)=>[0,A>0?A*1.05:1]}},axes:[{stroke:"currentColor"},{stroke:"currentColor",values:(b,v)=>v.map(_),size:70}],series:[{},...s.map((b,v)=>({label:b,stroke:zr[v%zr.length],fill:zr[v%zr.length]+"cc",width:1,value:(A,C,k,E)=>E==null?"—":_(p[v][E])}))]},[c,...d],n);(y=document.body.dataset).chartPaint??(y.chartPaint=String(Math.round(performance.now())));const u=new ResizeObserver(()=>m.setSize({width:n.clientWidth,height:280}));return u.observe(n),()=>{u.disconnect(),m.destroy()}},[e.series,e.dim,e.currency]),o("div",{class:"chart",ref:t,role:"img","aria-label":"Stacked spend over time; the table below lists the same figures."})}function qh(e){const[t,n]=L(null);return ht(()=>{de(Ph,{filter:{from:e.from.toISOString(),to:e.to.toISOString()}}).then(r=>n(r.usageRevisions.edges.map(i=>i.node)),()=>n(null))},[e.from,e.to,e.version]),!t||t.length===0?null:o("section",{"aria-labelledby":"revisions",children:[o("h2",{id:"revisions",children:"Revised by the provider"}),o("ul",{class:"movers","data-testid":"revisions",children:t.map(r=>o("li",{children:[o("strong",{children:Ia[r.provider]})," ",r.model??r.lineItem??r.project??"",", ",$a(new Date(r.bucketStart)),":"," ",r.kind==="ADDED"?"added":r.kind==="REMOVED"?"removed":"changed"," ",Number(r.costDelta)>=0?"+":"−",Rt(Math.abs(Number(r.costDelta)),r.currency)," ",o("span",{class:"muted",children:["(revised ",Me(r.revisedAt),")"]})]},r.id))})]})}function Bh(e){var P;const[t,n]=L(e.days&&e.days>0?e.days:30),[r,i]=L(((P=Kr.find(([O])=>O===e.group))==null?void 0:P[0])??"PROVIDER"),[s,c]=L("DAY"),[f,p]=L("ALL"),[d,_]=L(null),[m,u]=L(null),[y,b]=L(null),v=Rs(()=>{const O=new Date(Date.UTC(new Date().getUTCFullYear(),new Date().getUTCMonth(),new Date().getUTCDate()+1));return{from:new Date(O.getTime()-t*ms),to:O}},[t]),A=async()=>{const O=new Date,U=new Date(Date.UTC(O.getUTCFullYear(),O.getUTCMonth(),1));try{const j=await de(Nh,{filter:{from:v.from.toISOString(),to:v.to.toISOString(),providers:f==="ALL"?null:[f]},month:{from:U.toISOString(),to:v.to.toISOString(),providers:f==="ALL"?null:[f]},groupBy:[r],granularity:s});_(j),u(null)}catch(j){u(fn(j))}};ht(()=>{A()},[v,r,s,f]);const C=(d==null?void 0:d.connections.some(O=>!O.lastSyncedAt&&!O.lastError))??!1;ht(()=>{const O=ro(xh,K=>{b(`New usage synced (${K.usageUpdated.rowsChanged} rows); updated ${new Date().toLocaleTimeString()}.`),A()}),U=ro(Mh,()=>void A()),j=rd(()=>void A()),T=setInterval(()=>void A(),C?1e4:6e4);return()=>{O==null||O(),U==null||U(),j(),clearInterval(T)}},[v,r,s,f,C]);const k=(v.from.getTime()+v.to.getTime())/2,E=d?Da(d.usage.series,r,k):[],$=E.filter(([,O])=>O.second!==O.first).sort((O,U)=>Math.abs(U[1].second-U[1].first)-Math.abs(O[1].second-O[1].first)).slice(0,3),M=(d==null?void 0:d.usage.currency)??"USD",R=new Date,J=new Date(Date.UTC(R.getUTCFullYear(),R.getUTCMonth()+1,0)).getUTCDate(),W=(R.getTime()-Date.UTC(R.getUTCFullYear(),R.getUTCMonth(),1))/ms,G=d?Number(d.month.totalCost)/Math.max(W,1/24)*J:0,V=async()=>{const O=new URLSearchParams({from:v.from.toISOString(),to:v.to.toISOString(),granularity:s,groupBy:r});f!=="ALL"&&O.set("providers",f);try{const U=await fetch(`${Ec}?${O}`,{credentials:"same-origin",headers:Ms()});if(!U.ok)throw new Error;const j=URL.createObjectURL(await U.blob()),T=document.createElement("a");T.href=j,T.download=`meterwise-usage-${$a(v.from)}.csv`,T.click(),setTimeout(()=>URL.revokeObjectURL(j),1e3)}catch{u("The export failed; try again.")}};return o(Bt,{title:"Spend",actions:o("button",{type:"button",class:"secondary",onClick:()=>void V(),children:"Export CSV"}),children:[o("form",{class:"filters","aria-label":"Filters",onSubmit:O=>O.preventDefault(),children:[o(Yt,{label:"Range",name:"range",value:String(t),options:[["7","Last 7 days"],["30","Last 30 days"],["90","Last 90 days"],["365","Last 12 months"],...[7,30,90,365].includes(t)?[]:[[String(t),`Last ${t} days`]]],onChange:O=>n(Number(O))}),o(Yt,{label:"Granularity",name:"granularity",value:s,options:Lh,onChange:c}),o(Yt,{label:"Group by",name:"groupBy",value:r,options:Kr,onChange:i}),o(Yt,{label:"Provider",name:"provider",value:f,options:Oh,onChange:p})]}),o(ve,{error:m}),o("p",{class:"live",role:"status","aria-live":"polite",children:y??"Live updates on."}),d?d.connections.length===0?o("div",{class:"empty",children:[o("h2",{children:"No usage yet"}),o("p",{children:"Connect a provider account and your first sync backfills the last 30 days."}),o("a",{class:"button",href:"#/connections",children:"Connect a provider"})]}):o(ct,{children:[C&&o("div",{class:"progress",role:"status",children:[o("label",{for:"backfill",children:"First sync running: backfilling the last 30 days…"}),o("progress",{id:"backfill"})]}),o("dl",{class:"totals",children:[o("div",{children:[o("dt",{children:"Spend in range"}),o("dd",{"data-testid":"total-cost","data-value":d.usage.totalCost,children:Rt(d.usage.totalCost,M)}),o("dd",{class:"basis",children:ps[d.usage.costBasis]})]}),o("div",{children:[o("dt",{children:"This month"}),o("dd",{"data-testid":"month-cost",children:Rt(d.month.totalCost,M)}),o("dd",{class:"basis",children:["forecast ",Rt(G,M)," (linear)"]})]}),o("div",{children:[o("dt",{children:"Requests"}),o("dd",{"data-testid":"requests",children:Math.round(d.usage.requests).toLocaleString()})]}),o("div",{children:[o("dt",{children:"Tokens in / out"}),o("dd",{children:[Math.round(d.usage.inputTokens).toLocaleString()," / ",Math.round(d.usage.outputTokens).toLocaleString()]})]})]}),d.usage.series.length===0?o("div",{class:"empty",children:[o("h2",{children:"No usage in this range"}),o("p",{children:C?"Your first sync is still running; figures appear as soon as it lands.":"Try a longer range or another provider."})]}):o(ct,{children:[o(Uh,{series:d.usage.series,dim:r,currency:M}),$.length>0&&o("section",{"aria-labelledby":"movers",children:[o("h2",{id:"movers",children:"Top movers"}),o("ul",{class:"movers",children:$.map(([O,U])=>o("li",{children:[o("strong",{children:O})," ",U.second>=U.first?"up":"down"," ",Rt(Math.abs(U.second-U.first),M)," vs the first half of the range"]},O))})]}),o(qh,{from:v.from,to:v.to,version:d}),o("div",{class:"table-wrap",tabIndex:0,children:o("table",{children:[o("caption",{children:["Spend by ",Kr.find(([O])=>O===r)[1].toLowerCase()]}),o("thead",{children:o("tr",{children:[o("th",{scope:"col",children:Kr.find(([O])=>O===r)[1]}),o("th",{scope:"col",children:"Spend"}),o("th",{scope:"col",children:"Cost source"})]})}),o("tbody",{children:E.map(([O,U])=>o("tr",{children:[o("td",{children:O}),o("td",{children:Rt(U.total,M)}),o("td",{children:U.basis.size===1?ps[[...U.basis][0]]:"partly estimated"})]},O))})]})})]}),o("p",{class:"hint",children:["Connections: ",d.connections.map(O=>`${O.label} (last sync ${Me(O.lastSyncedAt)})`).join(", ")]})]}):o("p",{role:"status",children:"Loading spend…"})]})}const Fh=X(`
  query Notices { notices { id title body severity createdAt } }
`),Hh=X(`
  subscription NoticePosted { noticePosted { id title body severity createdAt } }
`),Wh=X(`
  mutation AcknowledgeNotice($id: ID!) {
    acknowledgeNotice(id: $id) { notice { id acknowledgedAt } errors { code message } }
  }
`),Vh=X(`
  mutation RequiredPasswordChange($input: ChangePasswordInput!) {
    changePassword(input: $input) { ok errors { code message field } }
  }
`);function Ta(){const[e,t]=L([]),[n,r]=L(null);return ht(()=>{de(Fh,{}).then(c=>t(c.notices),c=>r(fn(c)));const s=ro(Hh,c=>t(f=>f.some(p=>p.id===c.noticePosted.id)?f:[c.noticePosted,...f]));return()=>s==null?void 0:s()},[]),{notices:e,error:n,drop:s=>t(c=>c.filter(f=>f.id!==s))}}function Ra(e){const{notice:t}=e,{busy:n,error:r,run:i}=ze(),s=`notice-${t.id}`;return o("section",{class:`notice-card ${t.severity.toLowerCase()}`,role:"region","aria-labelledby":s,"data-testid":"notice",children:[o("h2",{id:s,children:t.title}),o("p",{class:"hint",children:["Posted ",Me(t.createdAt)]}),t.body.split(`

`).map((c,f)=>{const[p,...d]=c.split(`
`);return o("div",{children:[o("h3",{children:p}),d.map((_,m)=>o("p",{children:_},m))]},f)}),o(ve,{error:r}),e.canAcknowledge&&e.onDone&&o("button",{type:"button",class:"secondary",disabled:n,onClick:()=>void i(async()=>{var f;const c=await Fe(Wh,{id:t.id},p=>p.acknowledgeNotice.errors);return c.acknowledgeNotice.errors.length?me(c.acknowledgeNotice.errors):((f=e.onDone)==null||f.call(e),null)}),children:"Acknowledge for everyone"})]})}function zh(e){const{notices:t,error:n,drop:r}=Ta();return t.length?o("div",{class:"notices","aria-label":"Notices from the operator",children:t.map(i=>o(Ra,{notice:i,canAcknowledge:e.canAcknowledge,onDone:()=>r(i.id)},i.id))}):n?o(ve,{error:n}):null}function Kh(e){const{notices:t}=Ta(),[n,r]=L(""),[i,s]=L(""),[c,f]=L({}),{busy:p,error:d,run:_}=ze();return o("main",{class:"auth",id:"main",children:[o("h1",{children:"Choose a new password"}),o("p",{children:["After a security incident, ",e.email," must set a new password before using Meterwise again. Your other sessions and API tokens end when you do."]}),t.map(m=>o(Ra,{notice:m,canAcknowledge:!1},m.id)),o(ve,{error:d}),o("form",{"aria-label":"New password",onSubmit:m=>{m.preventDefault(),_(async()=>{const y=(await de(Vh,{input:{currentPassword:n,newPassword:i}})).changePassword.errors;return f(Object.fromEntries(y.filter(b=>b.field).map(b=>[b.field,b.message]))),y.length?me(y):(e.onDone(),null)})},children:[o(we,{label:"Current password",name:"currentPassword",type:"password",value:n,onInput:r,autocomplete:"current-password",required:!0,error:c.currentPassword}),o(we,{label:"New password",name:"newPassword",type:"password",value:i,onInput:s,autocomplete:"new-password",required:!0,hint:"Not one you used before; at least 12 characters.",error:c.newPassword}),o("button",{type:"submit",disabled:p,children:p?"Saving…":"Set new password"})]})]})}const Gh=X("query Members { members { id email role mfaEnabled joinedAt lastActiveAt } }"),jh=X(`
  mutation Invite($input: InviteMemberInput!) { inviteMember(input: $input) { code invite { expiresAt } errors { code message } } }
`),Yh=X("query Invites { invites { id role maxUses usesLeft expiresAt createdByEmail } }"),Qh=X("mutation RevokeInvite($id: ID!) { revokeInvite(id: $id) { invite { id } errors { code message } } }"),Jh=X(`
  mutation ChangeRole($memberId: ID!, $role: Role!) { changeMemberRole(memberId: $memberId, role: $role) { member { id role } errors { code message } } }
`),Zh=X("mutation RemoveMember($memberId: ID!) { removeMember(memberId: $memberId) { ok errors { code message } } }"),Xh=X("query Tokens { apiTokens { id name scope ownerEmail createdAt expiresAt lastUsedAt active } }"),em=X(`
  mutation CreateToken($input: CreateApiTokenInput!) { createApiToken(input: $input) { token errors { code message } } }
`),tm=X("mutation RevokeToken($id: ID!) { revokeApiToken(id: $id) { errors { code message } } }"),nm=X("query Sessions { sessions { id email ip userAgent createdAt lastSeenAt current } }"),rm=X("mutation RevokeSession($id: ID!) { revokeSession(id: $id) { ok errors { code message } } }"),gs=[["OWNER","Owner"],["ADMIN","Admin"],["MEMBER","Member"],["VIEWER","Viewer"]];function om(e){var y,b;const t=Rn(()=>de(Gh,{}).then(v=>v.members)),n=Rn(()=>qt(e.account)?de(Yh,{}).then(v=>v.invites):Promise.resolve([])),[r,i]=L("MEMBER"),[s,c]=L("1"),[f,p]=L(null),{busy:d,error:_,run:m}=ze(),u=((y=e.account)==null?void 0:y.role)==="OWNER";return o(Bt,{title:"Members",children:[o(ve,{error:t.error??_}),t.items===null?o("p",{role:"status",children:"Loading…"}):o("div",{class:"table-wrap",tabIndex:0,children:o("table",{children:[o("caption",{children:["People in ",((b=e.account)==null?void 0:b.name)??"this account"]}),o("thead",{children:o("tr",{children:[o("th",{scope:"col",children:"Email"}),o("th",{scope:"col",children:"Role"}),o("th",{scope:"col",children:"Two-factor"}),o("th",{scope:"col",children:"Last active"}),qt(e.account)&&o("th",{scope:"col",children:o("span",{class:"sr-only",children:"Actions"})})]})}),o("tbody",{children:t.items.map(v=>o("tr",{children:[o("td",{children:v.email}),o("td",{children:u?o("select",{"aria-label":`Role of ${v.email}`,value:v.role,disabled:d,onChange:A=>void m(async()=>{const C=await Fe(Jh,{memberId:v.id,role:A.target.value},k=>k.changeMemberRole.errors);return await t.reload(),me(C.changeMemberRole.errors)}),children:gs.map(([A,C])=>o("option",{value:A,children:C},A))}):v.role.toLowerCase()}),o("td",{children:v.mfaEnabled?"on":"off"}),o("td",{children:Me(v.lastActiveAt)}),qt(e.account)&&o("td",{children:o("button",{type:"button",class:"danger small",disabled:d,onClick:()=>void m(async()=>{if(!confirm(`Remove ${v.email} from the account?`))return null;const A=await Fe(Zh,{memberId:v.id},C=>C.removeMember.errors);return await t.reload(),me(A.removeMember.errors)}),children:"Remove"})})]},v.id))})]})}),qt(e.account)&&o("section",{class:"card","aria-labelledby":"invite-title",children:[o("h2",{id:"invite-title",children:"Invite someone"}),o("form",{onSubmit:v=>{v.preventDefault(),m(async()=>{const A=await Fe(jh,{input:{role:r,uses:Number(s)||1}},C=>C.inviteMember.errors);return A.inviteMember.errors.length?me(A.inviteMember.errors):(p(A.inviteMember.code??null),await n.reload(),null)})},children:[o(Yt,{label:"Role",name:"inviteRole",value:r,options:gs.filter(([v])=>v!=="OWNER"),onChange:i}),o(we,{label:"Uses",name:"uses",type:"number",value:s,onInput:c}),o("button",{type:"submit",disabled:d,children:"Create invite"})]}),f&&o("p",{role:"status",children:["Invite code (shown once): ",o("code",{"data-testid":"invite-code",children:f}),". They sign up at ",o("code",{children:[location.origin,"/#/signup?invite=",f]})]}),o(ve,{error:n.error}),n.items!==null&&(n.items.length===0?o("p",{class:"empty",children:"No open invites."}):o("div",{class:"table-wrap",tabIndex:0,children:o("table",{children:[o("caption",{children:"Open invites"}),o("thead",{children:o("tr",{children:[o("th",{scope:"col",children:"Role"}),o("th",{scope:"col",children:"Uses left"}),o("th",{scope:"col",children:"Expires"}),o("th",{scope:"col",children:"Created by"}),o("th",{scope:"col",children:o("span",{class:"sr-only",children:"Actions"})})]})}),o("tbody",{children:n.items.map(v=>{var A,C;return o("tr",{children:[o("td",{children:((A=v.role)==null?void 0:A.toLowerCase())??"new account"}),o("td",{children:[v.usesLeft," of ",v.maxUses]}),o("td",{children:Me(v.expiresAt)}),o("td",{children:v.createdByEmail??"unknown"}),o("td",{children:o("button",{type:"button",class:"danger small",disabled:d,"aria-label":`Revoke the ${((C=v.role)==null?void 0:C.toLowerCase())??""} invite expiring ${Me(v.expiresAt)}`,onClick:()=>void m(async()=>{const k=await Fe(Qh,{id:v.id},E=>E.revokeInvite.errors);return await n.reload(),me(k.revokeInvite.errors)}),children:"Revoke"})})]},v.id)})})]})}))]})]})}function im(){const e=Rn(()=>de(Xh,{}).then(u=>u.apiTokens)),[t,n]=L(""),[r,i]=L("READ_USAGE"),[s,c]=L("90"),[f,p]=L(null),{busy:d,error:_,run:m}=ze();return o(Bt,{title:"API tokens",children:[o(ve,{error:e.error??_}),e.items===null?o("p",{role:"status",children:"Loading…"}):e.items.length===0?o("p",{class:"empty",children:"No API tokens yet."}):o("div",{class:"table-wrap",tabIndex:0,children:o("table",{children:[o("caption",{children:"Tokens for programs and dashboards"}),o("thead",{children:o("tr",{children:[o("th",{scope:"col",children:"Name"}),o("th",{scope:"col",children:"Scope"}),o("th",{scope:"col",children:"Expires"}),o("th",{scope:"col",children:"Last used"}),o("th",{scope:"col",children:o("span",{class:"sr-only",children:"Actions"})})]})}),o("tbody",{children:e.items.map(u=>o("tr",{children:[o("td",{children:u.name}),o("td",{children:u.scope==="FULL"?"full":"read usage"}),o("td",{children:Me(u.expiresAt)}),o("td",{children:Me(u.lastUsedAt)}),o("td",{children:u.active?o("button",{type:"button",class:"danger small",disabled:d,onClick:()=>void m(async()=>{const y=await de(tm,{id:u.id});return await e.reload(),me(y.revokeApiToken.errors)}),children:"Revoke"}):"revoked"})]},u.id))})]})}),o("section",{class:"card","aria-labelledby":"new-token",children:[o("h2",{id:"new-token",children:"New token"}),o("form",{onSubmit:u=>{u.preventDefault(),m(async()=>{const y=await Fe(em,{input:{name:t,scope:r,expiresInDays:Number(s)||90}},b=>b.createApiToken.errors);return y.createApiToken.errors.length?me(y.createApiToken.errors):(p(y.createApiToken.token??null),n(""),await e.reload(),null)})},children:[o(we,{label:"Name",name:"tokenName",value:t,onInput:n,required:!0}),o(Yt,{label:"Scope",name:"scope",value:r,options:[["READ_USAGE","Read usage only"],["FULL","Full access"]],onChange:i}),o(we,{label:"Expires in (days)",name:"expiresInDays",type:"number",value:s,onInput:c}),o("button",{type:"submit",disabled:d,children:"Create token"})]}),f&&o("p",{role:"status",children:["Copy it now, it is not shown again: ",o("code",{children:f})]})]})]})}function lm(){const e=Rn(()=>de(nm,{}).then(i=>i.sessions)),{busy:t,error:n,run:r}=ze();return o(Bt,{title:"Sessions",children:[o(ve,{error:e.error??n}),e.items===null?o("p",{role:"status",children:"Loading…"}):o("div",{class:"table-wrap",tabIndex:0,children:o("table",{children:[o("caption",{children:"Where you are signed in"}),o("thead",{children:o("tr",{children:[o("th",{scope:"col",children:"Device"}),o("th",{scope:"col",children:"IP"}),o("th",{scope:"col",children:"Last seen"}),o("th",{scope:"col",children:o("span",{class:"sr-only",children:"Actions"})})]})}),o("tbody",{children:e.items.map(i=>o("tr",{children:[o("td",{children:i.userAgent.slice(0,80)||"unknown"}),o("td",{children:i.ip}),o("td",{children:Me(i.lastSeenAt)}),o("td",{children:i.current?"this session":o("button",{type:"button",class:"danger small",disabled:t,onClick:()=>void r(async()=>{const s=await de(rm,{id:i.id});return await e.reload(),me(s.revokeSession.errors)}),children:"Revoke"})})]},i.id))})]})})]})}const sm=X(`
  query Audit($after: String) {
    auditLog(first: 50, after: $after) {
      edges { node { id seq action actorEmail target ip occurredAt } }
      pageInfo { hasNextPage endCursor }
    }
  }
`),am=X(`
  query SecurityEvents($after: String) {
    securityEvents(first: 50, after: $after) {
      edges { node { id kind severity details createdAt } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);function Na(e){const[t,n]=L(null),[r,i]=L(null),[s,c]=L(!1),[f,p]=L(null),d=_=>e(_).then(m=>{n(u=>[..._?u??[]:[],...m.edges.map(y=>y.node)]),i(m.pageInfo.endCursor??null),c(m.pageInfo.hasNextPage)},m=>p(fn(m)));return ht(()=>{d(null)},[]),{items:t,error:f,more:s,loadMore:()=>void d(r)}}function cm(){const e=Na(t=>de(sm,{after:t}).then(n=>n.auditLog));return o(Bt,{title:"Audit log",children:[o(ve,{error:e.error}),e.items===null?o("p",{role:"status",children:"Loading…"}):e.items.length===0?o("p",{class:"empty",children:"Nothing recorded yet."}):o("div",{class:"table-wrap",tabIndex:0,children:o("table",{children:[o("caption",{children:"Every change to the account, hash-chained"}),o("thead",{children:o("tr",{children:[o("th",{scope:"col",children:"#"}),o("th",{scope:"col",children:"When"}),o("th",{scope:"col",children:"Who"}),o("th",{scope:"col",children:"Action"}),o("th",{scope:"col",children:"Target"}),o("th",{scope:"col",children:"IP"})]})}),o("tbody",{children:e.items.map(t=>o("tr",{children:[o("td",{children:t.seq}),o("td",{children:Me(t.occurredAt)}),o("td",{children:t.actorEmail??"system"}),o("td",{children:t.action}),o("td",{children:t.target??""}),o("td",{children:t.ip??""})]},t.id))})]})}),e.more&&o("button",{type:"button",class:"secondary",onClick:e.loadMore,children:"Load more"})]})}function um(){const e=Na(t=>de(am,{after:t}).then(n=>n.securityEvents));return o(Bt,{title:"Security events",children:[o(ve,{error:e.error}),e.items===null?o("p",{role:"status",children:"Loading…"}):e.items.length===0?o("p",{class:"empty",children:"No security events. Sign-in failures, rate limiting and unusual access show up here."}):o("div",{class:"table-wrap",tabIndex:0,children:o("table",{children:[o("caption",{children:"Suspicious or notable activity"}),o("thead",{children:o("tr",{children:[o("th",{scope:"col",children:"When"}),o("th",{scope:"col",children:"Severity"}),o("th",{scope:"col",children:"Kind"}),o("th",{scope:"col",children:"Details"})]})}),o("tbody",{children:e.items.map(t=>o("tr",{children:[o("td",{children:Me(t.createdAt)}),o("td",{children:o("span",{class:`sev ${t.severity.toLowerCase()}`,children:t.severity.toLowerCase()})}),o("td",{children:t.kind.toLowerCase().replace(/_/g," ")}),o("td",{children:o("code",{class:"details",children:JSON.stringify(t.details)})})]},t.id))})]})}),e.more&&o("button",{type:"button",class:"secondary",onClick:e.loadMore,children:"Load more"})]})}const dm=X(`
  query AccessReview { accessReview { id trigger createdAt completedAt completedBy openFindings
    findings { id kind subjectId summary since open } } }
`),fm=X("mutation RunAccessReview { runAccessReview { review { id } errors { code message } } }"),hm=X(`
  mutation CompleteAccessReview($id: ID!, $note: String) { completeAccessReview(id: $id, note: $note) { review { id } errors { code message } } }
`),mm=X("query ThirdParties { thirdParties { kind id name destination addedAt lastUsedAt status } }"),pm=X("mutation ReviewRevokeToken($id: ID!) { revokeApiToken(id: $id) { errors { code message } } }"),gm=X("mutation ReviewRevokeInvite($id: ID!) { revokeInvite(id: $id) { errors { code message } } }"),ym=X("mutation ReviewRemoveMember($memberId: ID!) { removeMember(memberId: $memberId) { errors { code message } } }"),wm={INACTIVE_MEMBER:"Inactive member",UNUSED_API_TOKEN:"Unused API token",PENDING_INVITE:"Pending invite",EXCESS_OWNERS:"More owners than needed",STALE_PROVIDER_KEY:"Provider key due for rotation",FAILING_CONNECTION:"Connection failing",IDLE_CONNECTION:"Connection idle"},_m={PROVIDER:"Provider",WEBHOOK:"Webhook",SLACK:"Slack",EMAIL:"E-mail"};function vm(e){if(!e.open)return null;const t=e.subjectId??"";switch(e.kind){case"UNUSED_API_TOKEN":return{label:"Revoke token",run:async()=>me((await de(pm,{id:t})).revokeApiToken.errors)};case"PENDING_INVITE":return{label:"Revoke invite",run:async()=>me((await de(gm,{id:t})).revokeInvite.errors)};case"INACTIVE_MEMBER":return{label:"Remove member",run:async()=>confirm("Remove this member from the account?")?me((await Fe(ym,{memberId:t},n=>n.removeMember.errors)).removeMember.errors):null};case"STALE_PROVIDER_KEY":return{label:"Replace key",href:"#/connections"};case"FAILING_CONNECTION":case"IDLE_CONNECTION":return{label:"Open connections",href:"#/connections"};case"EXCESS_OWNERS":return{label:"Open members",href:"#/members"};default:return null}}function bm(){const[e,t]=L(void 0),[n,r]=L(""),[i,s]=L(null),{busy:c,error:f,run:p}=ze(),d=Rn(()=>de(mm,{}).then(m=>m.thirdParties)),_=()=>de(dm,{}).then(m=>t(m.accessReview));return ht(()=>{p(_)},[]),o(Bt,{title:"Access review",actions:o("button",{type:"button",class:"secondary",disabled:c,onClick:()=>void p(async()=>{const m=await de(fm,{});return await _(),s("A new review ran."),me(m.runAccessReview.errors)}),children:"Review now"}),children:[o(ve,{error:f,notice:i}),e===void 0?o("p",{role:"status",children:"Loading…"}):e===null?o("p",{class:"empty",children:"No review yet: the first one runs on schedule, or review now."}):o(ct,{children:[o("p",{"data-testid":"review-summary",children:["Review of ",Me(e.createdAt)," (",e.trigger,"): ",e.openFindings," of ",e.findings.length," finding(s) open.",e.completedAt&&o(ct,{children:[" Completed ",Me(e.completedAt)," by ",e.completedBy??"a former member","."]})]}),e.findings.length===0?o("p",{class:"empty",children:"Nothing to act on."}):o("div",{class:"table-wrap",tabIndex:0,children:o("table",{children:[o("caption",{children:"Findings"}),o("thead",{children:o("tr",{children:[o("th",{scope:"col",children:"Finding"}),o("th",{scope:"col",children:"Details"}),o("th",{scope:"col",children:"Since"}),o("th",{scope:"col",children:"State"}),o("th",{scope:"col",children:o("span",{class:"sr-only",children:"Actions"})})]})}),o("tbody",{children:e.findings.map(m=>{const u=vm(m);return o("tr",{"data-kind":m.kind,children:[o("td",{children:wm[m.kind]??m.kind}),o("td",{children:m.summary}),o("td",{children:Me(m.since)}),o("td",{children:m.open?"open":"resolved"}),o("td",{children:u!=null&&u.href?o("a",{href:u.href,children:u.label}):u!=null&&u.run?o("button",{type:"button",class:"danger small",disabled:c,"aria-label":`${u.label}: ${m.summary}`,onClick:()=>void p(async()=>{const y=await u.run();return await _(),y}),children:u.label}):null})]},m.id)})})]})}),!e.completedAt&&o("form",{class:"card",onSubmit:m=>{m.preventDefault(),p(async()=>{const u=await Fe(hm,{id:e.id,note:n||null},y=>y.completeAccessReview.errors);return u.completeAccessReview.errors.length?me(u.completeAccessReview.errors):(r(""),s("Review completed."),await _(),null)})},children:[o("h2",{children:"Complete the review"}),o(we,{label:"Note (optional)",name:"reviewNote",value:n,onInput:r}),o("button",{type:"submit",disabled:c,children:"Complete review"})]})]}),o("section",{class:"card","aria-labelledby":"third-parties",children:[o("h2",{id:"third-parties",children:"Third parties"}),o(ve,{error:d.error}),d.items===null?o("p",{role:"status",children:"Loading…"}):d.items.length===0?o("p",{class:"empty",children:"The account shares data with no outside party."}):o("div",{class:"table-wrap",tabIndex:0,children:o("table",{children:[o("caption",{children:"Who receives this account's data"}),o("thead",{children:o("tr",{children:[o("th",{scope:"col",children:"Kind"}),o("th",{scope:"col",children:"Name"}),o("th",{scope:"col",children:"Destination"}),o("th",{scope:"col",children:"Added"}),o("th",{scope:"col",children:"Last used"})]})}),o("tbody",{children:d.items.map(m=>o("tr",{children:[o("td",{children:_m[m.kind]??m.kind}),o("td",{children:m.name}),o("td",{children:m.destination}),o("td",{children:Me(m.addedAt)}),o("td",{children:Me(m.lastUsedAt)})]},m.id))})]})})]})]})}const pi="meterwise.theme";function Pa(){const e=localStorage.getItem(pi);return e==="light"||e==="dark"?e:"system"}function Sm(e){e==="system"?localStorage.removeItem(pi):localStorage.setItem(pi,e),xa()}function xa(){const e=Pa();e==="system"?delete document.documentElement.dataset.theme:document.documentElement.dataset.theme=e}const km=X(`
  mutation UpdateAccount($input: UpdateAccountSettingsInput!) {
    updateAccountSettings(input: $input) { account { id name mfaRequired } errors { code message field } }
  }
`),Am=X(`
  mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) { ok errors { code message field } } }
`),Cm=X(`
  mutation DeleteAccount($input: DeleteAccountInput!) { deleteAccount(input: $input) { deletedId errors { code message field } } }
`);function Im(e){var M,R,J;const t=((M=e.account)==null?void 0:M.role)==="OWNER",[n,r]=L(((R=e.account)==null?void 0:R.name)??""),[i,s]=L(((J=e.account)==null?void 0:J.mfaRequired)??!0),[c,f]=L(""),[p,d]=L(""),[_,m]=L(""),[u,y]=L(""),[b,v]=L(Pa()),A=ze(),C=ze(),k=ze(),[E,$]=L(null);return o(Bt,{title:"Settings",children:[o("section",{class:"card","aria-labelledby":"appearance",children:[o("h2",{id:"appearance",children:"Appearance"}),o(Yt,{label:"Theme",name:"theme",value:b,options:[["system","Same as my device"],["light","Light"],["dark","Dark"]],onChange:W=>{Sm(W),v(W)}})]}),o("section",{class:"card","aria-labelledby":"two-factor",children:[o("h2",{id:"two-factor",children:"Two-factor authentication"}),e.mfaEnabled?o("p",{children:"On: signing in and changes to access ask for a code from your authenticator app."}):o(ct,{children:[o("p",{children:"Off. Changes to access (admin invites, full API tokens, keys) need it."}),o("a",{class:"button",href:"#/mfa",children:"Set up two-factor"})]})]}),t&&o("section",{class:"card","aria-labelledby":"account-settings",children:[o("h2",{id:"account-settings",children:"Account"}),o(ve,{error:A.error,notice:E}),o("form",{onSubmit:W=>{W.preventDefault(),A.run(async()=>{const G=await Fe(km,{input:{name:n,mfaRequired:i}},V=>V.updateAccountSettings.errors);return G.updateAccountSettings.errors.length?me(G.updateAccountSettings.errors):($("Saved."),e.onChanged(),null)})},children:[o(we,{label:"Account name",name:"accountName",value:n,onInput:r,required:!0}),o("div",{class:"check",children:[o("input",{id:"mfa-required",type:"checkbox",checked:i,onChange:W=>s(W.target.checked)}),o("label",{for:"mfa-required",children:"Require two-factor authentication for every member"})]}),o("button",{type:"submit",disabled:A.busy,children:"Save"})]})]}),o("section",{class:"card","aria-labelledby":"password-title",children:[o("h2",{id:"password-title",children:"Password"}),o(ve,{error:C.error}),o("form",{onSubmit:W=>{W.preventDefault(),C.run(async()=>{const G=await de(Am,{input:{currentPassword:c,newPassword:p}});return G.changePassword.errors.length?me(G.changePassword.errors):(f(""),d(""),$("Password changed."),null)})},children:[o(we,{label:"Current password",name:"currentPassword",type:"password",value:c,onInput:f,autocomplete:"current-password",required:!0}),o(we,{label:"New password",name:"newPassword",type:"password",value:p,onInput:d,autocomplete:"new-password",required:!0}),o("button",{type:"submit",disabled:C.busy,children:"Change password"})]})]}),t&&o("section",{class:"card danger-zone","aria-labelledby":"delete-title",children:[o("h2",{id:"delete-title",children:"Delete account"}),o("p",{children:"Deletes the account, its connections, usage and audit log for good."}),o(ve,{error:k.error}),o("form",{onSubmit:W=>{W.preventDefault(),k.run(async()=>{if(!confirm("Delete this account and all its data? This cannot be undone."))return null;const G=await Fe(Cm,{input:{password:_,code:u}},V=>V.deleteAccount.errors);return G.deleteAccount.errors.length?me(G.deleteAccount.errors):(e.onDeleted(),null)})},children:[o(we,{label:"Password",name:"deletePassword",type:"password",value:_,onInput:m,autocomplete:"current-password",required:!0}),o(we,{label:"Two-factor or recovery code",name:"deleteCode",value:u,onInput:y,required:!0}),o("button",{type:"submit",class:"danger",disabled:k.busy,children:"Delete account"})]})]})]})}const $m=X("mutation LogOut { logOut }");function ys(){const[e,t]=location.hash.replace(/^#/,"").split("?");return{path:e||"/",query:new URLSearchParams(t??"")}}const ws=[{path:"/",label:"Spend"},{path:"/connections",label:"Connections"},{path:"/budgets",label:"Budgets"},{path:"/alerts",label:"Alerts"},{path:"/members",label:"Members",admin:!0},{path:"/tokens",label:"API tokens",admin:!0},{path:"/sessions",label:"Sessions",admin:!0},{path:"/audit",label:"Audit log",admin:!0},{path:"/security",label:"Security events",admin:!0},{path:"/review",label:"Access review",admin:!0},{path:"/settings",label:"Settings"}];function Em(){const[e,t]=L(ys()),[n,r]=L(void 0),[i,s]=L(null),[c,f]=L(!1),[p,d]=L(!1),[_,m]=L(null),[u,y]=L(null),[b,v]=L(null),A=async()=>{try{const M=await cd();r(M.me),s(M.account),f(M.needsMfa),d(M.needsPassword),y(null)}catch(M){y(fn(M)),r(null)}};ht(()=>{const M=()=>t(ys());addEventListener("hashchange",M);const R=Lu(()=>{En(null),r(null),s(null),m("Your session has ended. Sign in again.")}),J=Ou(()=>d(!0));return kl(W=>new Promise(G=>v({submit:W,resolve:G}))),A(),()=>{removeEventListener("hashchange",M),R(),J(),kl(null)}},[]),ht(()=>{var M;(M=document.getElementById("page-title"))==null||M.focus()},[e.path]);const C=()=>{m(null),location.hash="#/",A()},k=async()=>{try{await de($m,{})}catch{}En(null),r(null),s(null),m("You are signed out."),location.hash="#/signin"};if(n===void 0)return o("main",{id:"main",children:o("p",{role:"status",children:"Loading…"})});if(n===null)return e.path==="/signup"?o(Gu,{invite:e.query.get("invite")??"",onDone:C}):o(Ku,{onDone:C,notice:_??u});if(c)return o(Al,{email:n.email,onDone:C,required:!0});if(p)return o(Kh,{email:n.email,onDone:C});if(e.path==="/mfa"&&!n.mfaEnabled)return o(Al,{email:n.email,onDone:C});const E=qt(i),$=(()=>{switch(e.path){case"/connections":return o(Md,{account:i});case"/budgets":return o(Id,{account:i});case"/alerts":return o(Ed,{account:i});case"/members":return E?o(om,{account:i}):null;case"/tokens":return E?o(im,{}):null;case"/sessions":return E?o(lm,{}):null;case"/audit":return E?o(cm,{}):null;case"/security":return E?o(um,{}):null;case"/review":return E?o(bm,{}):null;case"/settings":return o(Im,{account:i,mfaEnabled:n.mfaEnabled,onChanged:()=>void A(),onDeleted:()=>{En(null),r(null),m("The account was deleted.")}});default:return o(Bh,{days:Number(e.query.get("days"))||void 0,group:e.query.get("group")})}})();return o(ct,{children:[o("a",{class:"skip",href:"#main",onClick:M=>{var R;M.preventDefault(),(R=document.getElementById("page-title"))==null||R.focus()},children:"Skip to content"}),o("header",{class:"top",children:[o("span",{class:"brand",children:"Meterwise"}),o("span",{class:"who",children:[n.email,i&&o(ct,{children:[" · ",i.name," · ",o("span",{"data-testid":"role",children:i.role.toLowerCase()})]})]}),o("button",{type:"button",class:"secondary small",onClick:()=>void k(),children:"Sign out"})]}),o("nav",{"aria-label":"Main",children:o("ul",{children:ws.filter(M=>!M.admin||E).map(M=>o("li",{children:o("a",{href:`#${M.path}`,"aria-current":e.path===M.path||M.path==="/"&&!ws.some(R=>R.path===e.path)?"page":void 0,children:M.label})},M.path))})}),o("main",{id:"main",children:[o(ve,{error:u}),o(zh,{canAcknowledge:E}),$??o("p",{children:"Your role cannot open this page."})]}),b&&o(ju,{submit:b.submit,enrolled:n.mfaEnabled,onClose:M=>{b.resolve(M),v(null)}})]})}xa();vc(o(Em,{}),document.getElementById("app"));
